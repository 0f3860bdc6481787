// An HSDS file into the directory: an export imported back reproduces the public directory
// (partners, programs, hotlines and their public channels: what the gateway's mutations write;
// not ids, verification or check dates, which the directory's own checks set), a second import
// changes nothing, and a file with bad records lists every rejected record with its reason while
// the good ones are written.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { hsdsId } from '../../gateway/hsds/ids.ts'
import { termId } from '../../gateway/hsds/taxonomies.ts'
import { graphqlClient } from '../../scripts/hsds/client.ts'
import { importHsds } from '../../scripts/hsds/import.ts'
import type { Outcome } from '../../scripts/hsds/outcome.ts'
import { parseHsds, ReadError } from '../../scripts/hsds/read.ts'
import { startTestStack } from '../helpers/stack.ts'
import { hsdsHttp } from './fixtures/hsds.ts'

const run = promisify(execFile)
const ROOT = new URL('../../', import.meta.url).pathname

type Rec = Record<string, any>
const codes = (list: Rec[] | undefined, key: string) => (list ?? []).map((x) => x[key]).sort()

/** What the mutations write, without ids, write times and check dates. */
const program = (s: Rec) => ({
  organization_id: s.organization_id,
  name: s.name,
  description: s.description,
  url: s.url,
  email: s.email,
  status: s.status,
  directory_status: s.directory_status,
  name_translations: s.name_translations,
  description_translations: s.description_translations,
  starts_on: s.starts_on,
  ends_on: s.ends_on,
  source: s.source,
  areas: codes(s.service_areas, 'country_code'),
  phones: (s.phones ?? []).map((p: Rec) => [p.number, p.e164, p.dialable_in, p.channel_type]),
  emails: codes(s.contacts, 'email'),
  terms: codes(s.attributes, 'taxonomy_term_id'),
})
const partner = (o: Rec) => ({
  id: o.id,
  name: o.name,
  description: o.description,
  website: o.website,
  partner_kind: o.partner_kind,
  scope: o.scope,
  country_codes: [...o.country_codes].sort(),
  headquarters_country: o.headquarters_country,
  name_translations: o.name_translations,
  verification_source: o.verification_source,
  terms: codes(o.attributes, 'taxonomy_term_id'),
})
const byKey = <T>(list: Rec[], key: (x: Rec) => string, shape: (x: Rec) => T) => Object.fromEntries(list.map((x) => [key(x), shape(x)]))

/** A hotline without what an import cannot carry: ids, verification and dates of checks and changes. */
const LOCAL = new Set(['id', 'service_id', 'phone_id', 'link_id', 'resource_id', 'directory_id', 'verified', 'verified_at', 'assured_date', 'last_modified', 'metadata'])
function hotline(s: Rec) {
  const shape = JSON.parse(JSON.stringify(s, (k, v) => (LOCAL.has(k) ? undefined : v)))
  for (const c of shape.contact_channels ?? []) {
    // Hours recorded as unknown for a channel come back as the service's (the import warns).
    if (c.schedule === null && c.schedule_inherited === false) c.schedule = c.schedule_inherited = 'unknown or inherited'
    else if (c.schedule_inherited === true) c.schedule = c.schedule_inherited = 'unknown or inherited'
  }
  return shape
}

t.test('HSDS import', async (t) => {
  const stack = await startTestStack(t)
  const { ndjson } = hsdsHttp(stack)
  const token = await stack.token({ role: 'secretariat', org: 'asean-secretariat' })
  const client = graphqlClient(stack.gatewayUrl, token)
  const dir = await mkdtemp(join(tmpdir(), 'hsds-import-'))

  t.test('an export imported back reproduces the public directory', async (t) => {
    const [orgs, services] = [await ndjson('/hsds/organizations?format=ndjson'), await ndjson('/hsds/services?format=ndjson')]
    const file = join(dir, 'directory.ndjson')
    await writeFile(file, [...orgs, ...services].map((r) => JSON.stringify(r)).join('\n'))
    // Empty what the mutations can write: every program and hotline, and two partners.
    const cs = stack.subgraphs.get('civil-society')!.db
    await cs.query('delete from civil_society.program_change')
    await cs.query('delete from civil_society.program')
    const hl = stack.subgraphs.get('hotlines')!.db
    await hl.query('delete from hotlines.channel_change')
    await hl.query('delete from hotlines.hotline_change')
    await hl.query('delete from hotlines.hotline')
    const partners = stack.subgraphs.get('partners')!.db
    await partners.query(`delete from partners.partner_change where entity_id in ('aple-cambodia', 'abs-cbn-foundation')`)
    await partners.query(`delete from partners.partner where id in ('aple-cambodia', 'abs-cbn-foundation')`)
    t.same(await ndjson('/hsds/services?format=ndjson'), [], 'no service left')

    // The command a person runs (npm run hsds:import), with the outcomes as JSON. It exits 1:
    // one seeded hotline has no harm type, which the directory refuses for a new service.
    const command = await run('npx', ['tsx', 'scripts/hsds-import.ts', file, '--gateway', stack.gatewayUrl, '--token', token, '--json'], { cwd: ROOT }).then(
      (r) => ({ ...r, code: 0 }),
      (err: { stdout: string; code: number }) => err,
    )
    t.equal(command.code, 1, 'exit code 1: a record was rejected')
    const outcomes = JSON.parse(command.stdout) as Outcome[]
    const count = (type: string, status: string) => outcomes.filter((o) => o.type === type && o.status === status).length
    t.equal(count('organization', 'created'), 2, 'the two missing partners are registered again')
    t.equal(count('organization', 'unchanged'), orgs.length - 2)
    const programs = services.filter((s) => s.directory_type === 'program')
    const hotlines = services.filter((s) => s.directory_type === 'hotline')
    const refused = outcomes.filter((o) => o.status === 'rejected')
    t.match(refused, [{ type: 'service', reasons: [/harmTypes: needs at least one harm type/] }], 'only the hotline without a harm type is refused')
    t.equal(count('service', 'created'), programs.length + hotlines.length - 1, 'every other program and hotline is created again')
    t.ok(outcomes.some((o) => o.warnings?.some((w) => /hours are unknown/.test(w))), 'channels whose hours were unknown are pointed out')

    const [orgsAfter, servicesAfter] = [await ndjson('/hsds/organizations?format=ndjson'), await ndjson('/hsds/services?format=ndjson')]
    t.same(byKey(orgsAfter, (o) => o.directory_id, partner), byKey(orgs, (o) => o.directory_id, partner), 'organizations as they were')
    const programKey = (s: Rec) => `${s.organization_id} ${s.name}`
    const programsAfter = servicesAfter.filter((s) => s.directory_type === 'program')
    t.same(byKey(programsAfter, programKey, program), byKey(programs, programKey, program), 'programs as they were (new ids)')
    const hotlineKey = (s: Rec) => `${s.country_code} ${s.name}`
    const kept = hotlines.filter((s) => s.name !== refused[0]?.name)
    const hotlinesAfter = servicesAfter.filter((s) => s.directory_type === 'hotline')
    t.same(byKey(hotlinesAfter, hotlineKey, hotline), byKey(kept, hotlineKey, hotline), 'hotlines and their public channels as they were (new ids, not verified)')
    t.ok(hotlinesAfter.every((s) => s.verified === false && !s.assured_date), 'an import verifies nothing')

    const again = await importHsds({ records: parseHsds(await readFile(file, 'utf8')), client, source: 'test' })
    t.same(
      again.filter((o) => o.status !== 'unchanged' && o.status !== 'rejected').map((o) => [o.where, o.status, o.fields]),
      [],
      'a second import changes nothing',
    )
  })

  t.test('every rejected record is listed with its reason; the good ones are written', async (t) => {
    const newOrg = hsdsId('organization', 'kh-example-youth-network')
    const service = (over: Rec): Rec => ({
      id: hsdsId('program', `import-${over.name}`),
      organization_id: hsdsId('organization', 'childline-thailand'),
      status: 'active',
      service_areas: [{ id: hsdsId('service_area', String(over.name)), country_code: 'TH', name: 'Thailand' }],
      ...over,
    })
    const records: Rec[] = [
      { id: newOrg, name: 'Example Youth Network (Cambodia)', description: 'An example organisation for the import test.', partner_kind: 'CIVIL_SOCIETY', country_codes: ['KH'], website: 'https://example.org/youth' },
      { id: hsdsId('organization', 'kh-no-kind'), name: 'Organisation without a kind', description: '' },
      service({ name: 'Youth peer support', organization_id: newOrg, service_areas: [{ id: hsdsId('service_area', 'y'), country_code: 'KH' }], attributes: [{ id: hsdsId('attribute', 'y'), link_id: hsdsId('program', 'import-Youth peer support'), link_entity: 'service', taxonomy_term_id: termId('harm-types', 'grooming') }] }),
      service({ name: 'No status', status: undefined }),
      service({ name: 'Bad id', id: 'program-17' }),
      service({ name: 'Government program', organization_id: hsdsId('organization', 'th-msdhs') }),
      service({ name: 'Unknown owner', organization_id: hsdsId('organization', 'nobody') }),
      service({ name: 'Closed for now', status: 'temporarily closed' }),
      service({ name: 'Country by name', service_areas: [{ id: hsdsId('service_area', 'z'), name: 'Thailand' }] }),
      service({ name: 'Youth peer support', organization_id: newOrg, id: hsdsId('program', 'import-Youth peer support') }),
      { id: hsdsId('hotline', 'xx-line'), name: 'A hotline', status: 'active', directory_type: 'hotline', country_code: 'TH' },
    ]
    const dry = await importHsds({ records: parseHsds(JSON.stringify({ contents: records })), client, source: 'test', dryRun: true })
    t.equal(dry.filter((o) => o.status === 'created').length, 2, 'a dry run plans the partner and its program')
    t.notOk((await stack.query('{ partner(id: "kh-example-youth-network") { id } }')).data?.partner, 'and writes nothing')

    const outcomes = await importHsds({ records: parseHsds(records.map((r) => JSON.stringify(r)).join('\n')), client, source: 'test' })
    const of = (name: string) => outcomes.filter((o) => o.name === name)
    t.match(of('Example Youth Network (Cambodia)'), [{ status: 'created', directoryId: 'example-youth-network-cambodia' }])
    t.match(of('Organisation without a kind'), [{ status: 'rejected', reasons: [/partner_kind/, /country_codes/] }])
    t.match(of('Youth peer support'), [{ status: 'created' }, { status: 'rejected', reasons: [/same service id as line 3/] }])
    t.match(of('No status'), [{ status: 'rejected', where: 'line 4', reasons: [/HSDS schema: \/ must have required property 'status'/] }])
    t.match(of('Bad id'), [{ status: 'rejected', reasons: [/HSDS schema: \/id must match format "uuid"/] }])
    t.match(of('Government program'), [{ status: 'rejected', reasons: [/civil-society organisations and UN agencies; th-msdhs is GOVERNMENT/] }])
    t.match(of('Unknown owner'), [{ status: 'rejected', reasons: [/neither a partner in the directory nor an organization imported from this file/] }])
    t.match(of('Closed for now'), [{ status: 'rejected', reasons: [/temporarily closed" has no program equivalent/] }])
    t.match(of('Country by name'), [{ status: 'rejected', reasons: [/service_areas: a program needs the countries/] }])
    t.match(of('A hotline'), [{ status: 'rejected', reasons: [/hotline_kind: a hotline needs its kind/] }])

    const written = await stack.query('{ programs(filter: { owner: "example-youth-network-cambodia" }) { nodes { title countries { code } harmTypes { code } contacts { source } } } }')
    t.same(written.data.programs.nodes, [{ title: 'Youth peer support', countries: [{ code: 'KH' }], harmTypes: [{ code: 'grooming' }], contacts: { source: 'test' } }])
  })

  t.test('a file that is neither JSON nor ndjson is refused with its line', async (t) => {
    const err = (() => {
      try {
        parseHsds('{"id": "a"}\nnot json\n')
      } catch (e) {
        return e
      }
    })()
    t.ok(err instanceof ReadError)
    t.match((err as Error).message, /line 2 is not JSON/)
    t.same(parseHsds('[{"a":1},{"b":2}]').map((r) => r.where), ['item 1', 'item 2'])
  })
})
