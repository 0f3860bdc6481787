// The HSDS export is public data only, whoever asks: no partner-only or restricted contact a
// verified tech company sees in GraphQL appears anywhere in it, the subgraph is never even asked
// for those fields, signing in changes nothing, and an archived program disappears from it.
import t from 'tap'
import { hsdsId } from '../../gateway/hsds/ids.ts'
import { startTestStack } from '../helpers/stack.ts'
import { hsdsHttp } from './fixtures/hsds.ts'

const HIDDEN = `{ hotlines { id partnerChannels { id value display e164 label } escalationChannels { id value display e164 label } } }`

t.test('no restricted or partner-only contact in any export', async (t) => {
  const stack = await startTestStack(t)
  const { get, ndjson } = hsdsHttp(stack)
  const techCompany = await stack.token({ role: 'tech_company', org: 'meta', verified: true })
  const secretariat = await stack.token({ role: 'secretariat', org: 'asean-secretariat' })

  // What a verified tech company sees beyond the public channels.
  const seen = await stack.query<{ hotlines: { id: string; partnerChannels: Record<string, string | null>[]; escalationChannels: Record<string, string | null>[] }[] }>(HIDDEN, {}, techCompany)
  t.notOk(seen.errors, 'a verified tech company may read both')
  const hidden = seen.data!.hotlines.flatMap((h) => [...h.partnerChannels, ...h.escalationChannels])
  t.ok(hidden.length >= 3, `the seed has ${hidden.length} partner-only or restricted channels to look for`)
  const needles = hidden.flatMap((c) => [c.id!, hsdsId('channel', c.id!), c.value!, c.display!, ...(c.e164 ? [c.e164] : [])])

  stack.received.clear()
  const exports: Record<string, string> = {
    services: (await get('/hsds/services?format=ndjson')).text,
    organizations: (await get('/hsds/organizations?format=ndjson')).text,
    'services, full pages': (await get('/hsds/services?per_page=500&full=true')).text,
  }
  const services = (await ndjson('/hsds/services?format=ndjson')).filter((s) => s.directory_type === 'hotline')
  for (const s of services) exports[`service ${s.directory_id}`] = (await get(`/hsds/services/${s.id}`)).text
  for (const id of new Set(services.map((s) => s.organization_id).filter(Boolean))) {
    exports[`organization ${id}`] = (await get(`/hsds/organizations/${id}?full_service=true`)).text
  }
  for (const [name, text] of Object.entries(exports)) {
    const leaks = needles.filter((n) => text.includes(n))
    t.same(leaks, [], `${name}: nothing partner-only or restricted`)
  }
  const asked = stack.received.get('hotlines') ?? []
  t.ok(asked.length > 0)
  t.notOk(asked.some((doc) => /partnerChannels|escalationChannels/.test(doc)), 'the hotlines subgraph was never asked for them')

  t.test('signing in changes nothing: the export is the public one', async (t) => {
    const anonymous = exports.services
    t.equal((await get('/hsds/services?format=ndjson', techCompany)).text, anonymous, 'verified tech company')
    t.equal((await get('/hsds/services?format=ndjson', secretariat)).text, anonymous, 'ASEAN Secretariat')
  })

  t.test('an archived program leaves the export', async (t) => {
    const uuid = hsdsId('program', 'th-saidek-1387')
    t.equal((await get(`/hsds/services/${uuid}`)).status, 200)
    const { data } = await stack.query<{ program: { version: number } }>('{ program(id: "th-saidek-1387") { version } }')
    const archived = await stack.query('mutation ($v: Int!) { archiveProgram(id: "th-saidek-1387", expectedVersion: $v) { status } }', { v: data!.program.version }, secretariat)
    t.notOk(archived.errors)
    t.equal((await get(`/hsds/services/${uuid}`)).status, 404)
    t.notOk((await ndjson('/hsds/services?format=ndjson')).some((s) => s.id === uuid))
  })
})
