// The scaled-out topology: eight subgraph processes on their own PostgreSQL databases and two
// gateway replicas sharing Redis. The directory, referral and program flows work through either
// replica, and what replicas share (rate limits, cached public answers) is shared.
import { randomBytes } from 'node:crypto'
import t from 'tap'
import { startTopology } from '../../scripts/topology.ts'
import { mintToken } from '../../scripts/token.ts'
import { readGatewayConfig } from '../../gateway/config.ts'
import { loadOrCreateKeyPair } from '../../gateway/identity/keys.ts'

const post = async (url: string, query: string, token?: string, variables: object = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as any }
}

t.test('two gateway replicas over eight subgraph processes', async (t) => {
  const prefix = `coea_t${randomBytes(3).toString('hex')}`
  const topology = await startTopology({
    prefix,
    dropOnStop: true,
    basePort: 4700,
    env: {
      LOG_LEVEL: 'error',
      RATE_LIMIT_MAX: '40',
      RATE_LIMIT_REDIS_PREFIX: `${prefix}:rate:`,
      CACHE_TTL_MS: '30000',
      CACHE_REDIS_PREFIX: `${prefix}:cache:`,
      REPORTS_REDIS_PREFIX: `${prefix}:reports:`,
    },
  })
  t.teardown(() => topology.stop())
  const [a, b] = topology.gatewayUrls as [string, string]
  const config = readGatewayConfig({ DATA_DIR: topology.dataDir })
  const key = await loadOrCreateKeyPair(topology.dataDir, 'auth-signing')
  const token = (claims: Parameters<typeof mintToken>[2]) => mintToken(key, config.auth, claims)

  t.test('the directory answers the same through either replica', async (t) => {
    const query = '{ country(code: "MY") { name partners(kind: GOVERNMENT) { id hotlines { name } } } }'
    const [ra, rb] = await Promise.all([post(a, query), post(b, query)])
    t.equal(ra.status, 200)
    t.notOk(ra.body.errors)
    t.same(ra.body, rb.body)
    t.ok(ra.body.data.country.partners.some((p: any) => p.hotlines.some((h: any) => /Talian Kasih/.test(h.name))))
  })

  t.test('a referral pathway with restricted steps, for a verified company on either replica', async (t) => {
    const company = await token({ role: 'tech_company', org: 'meta', verified: true })
    const query = '{ referralPathway(country: "TH", harm: "sextortion", priority: true) { steps { kind escalationContact { value } } } }'
    for (const url of [a, b]) {
      const res = await post(url, query, company)
      t.notOk(res.body.errors, JSON.stringify(res.body.errors))
      t.ok(res.body.data.referralPathway.steps.some((s: any) => s.escalationContact), 'escalation contact shown')
      const anonymous = await post(url, query)
      t.ok(anonymous.body.errors.every((e: any) => e.extensions.code === 'UNAUTHORIZED_FIELD_OR_TYPE'))
    }
  })

  t.test('a program written through one replica is read, and its version enforced, through the other', async (t) => {
    const ngo = await token({ role: 'civil_society', org: 'ecpat-philippines', sub: 'ana' })
    const created = await post(a, 'mutation { createProgram(input: { titles: [{ lang: "fil", value: "Ligtas online" }], countries: ["PH"] }) { id version } }', ngo)
    t.notOk(created.body.errors, JSON.stringify(created.body.errors))
    const id = created.body.data.createProgram.id
    const read = await post(b, `{ program(id: "${id}") { title(lang: "fil") version } }`)
    t.same(read.body.data.program, { title: 'Ligtas online', version: 1 })
    const update = `mutation($v: Int!, $a: [Audience!]) { updateProgram(id: "${id}", expectedVersion: $v, input: { audiences: $a }) { version } }`
    t.notOk((await post(b, update, ngo, { v: 1, a: ['PARENTS'] })).body.errors)
    const stale = await post(a, update, ngo, { v: 1, a: ['TEACHERS'] })
    t.equal(stale.body.errors?.[0]?.extensions?.code, 'CONFLICT')
  })

  t.test('a cached public answer on one replica is invalidated by a write through the other', async (t) => {
    const ngo = await token({ role: 'civil_society', org: 'childline-thailand', sub: 'ploy' })
    const read = '{ program(id: "th-saidek-1387") { version audiences } }'
    const reader = await token({ role: 'un_agency', org: 'unodc', sub: `reader-${prefix}` })
    const before = await post(b, read, reader)
    t.notOk(before.body.errors)
    const cachedAgain = await post(b, read, reader)
    t.same(cachedAgain.body, before.body, 'the same answer, from the cache of replica b')
    const version = before.body.data.program.version
    const audiences = before.body.data.program.audiences.includes('TEACHERS') ? ['CHILDREN'] : ['CHILDREN', 'TEACHERS']
    const write = await post(a, `mutation($v: Int!, $a: [Audience!]) { updateProgram(id: "th-saidek-1387", expectedVersion: $v, input: { audiences: $a }) { version } }`, ngo, { v: version, a: audiences })
    t.notOk(write.body.errors, JSON.stringify(write.body.errors))
    let after = await post(b, read, reader)
    for (let i = 0; i < 20 && after.body.data.program.version === version; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      after = await post(b, read, reader)
    }
    t.same(after.body.data.program, { version: version + 1, audiences }, 'replica b answers with the write made through replica a, well before the 30 s lifetime')
  })

  t.test('rate limits are counted across replicas', async (t) => {
    const caller = await token({ role: 'civil_society', org: 'la-lyu', sub: `burst-${prefix}` })
    const statuses: number[] = []
    for (let i = 0; i < 50; i++) statuses.push((await post(i % 2 ? a : b, '{ partners(first: 1) { totalCount } }', caller)).status)
    const limited = statuses.indexOf(429)
    t.ok(limited > 0, 'the caller is limited')
    t.ok(limited >= 40 && limited <= 41, `after the shared allowance of 40, not 40 per replica (first 429 at request ${limited + 1})`)
    const other = await token({ role: 'civil_society', org: 'la-lwu', sub: `calm-${prefix}` })
    t.equal((await post(a, '{ partners(first: 1) { totalCount } }', other)).status, 200, 'another caller is not')
  })
})
