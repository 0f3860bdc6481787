// A company's verified staff and the Secretariat keep its law-enforcement route current:
// versioned, logged, never leaving a placeholder inside a real route, and readable only by
// restricted readers; a retired route is gone for them.
import t from 'tap'
import { definition } from '../../../subgraphs/tech-companies/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const NOW = new Date('2026-05-04T09:00:00.000Z')
const meta = identity('tech_company', { sub: 'trust@meta.example', org: 'meta', verified: true })
const unverifiedMeta = identity('tech_company', { org: 'meta', verified: false })
const google = identity('tech_company', { org: 'google', verified: true })
const police = identity('government', { org: 'th-rtp-ticac', country: 'TH' })
const secretariat = identity('secretariat', { sub: 'officer@asean.org', org: 'asean-secretariat' })

// Reserved example domains (RFC 2606): no real escalation contact is written by these tests.
const REAL = { url: 'https://law-enforcement.example.net/requests', email: 'requests@example.net', note: 'Send legal process through the portal; emergencies by email.' }
const ROUTE_FIELDS = 'url email note example source verifiedAt status version'
const CREATE = `mutation($c: ID!, $input: LawEnforcementRouteInput!) { createLawEnforcementRoute(companyId: $c, input: $input) { ${ROUTE_FIELDS} } }`
const UPDATE = `mutation($c: ID!, $v: Int!, $input: LawEnforcementRouteInput!) { updateLawEnforcementRoute(companyId: $c, expectedVersion: $v, input: $input) { ${ROUTE_FIELDS} } }`
const RETIRE = `mutation($c: ID!, $v: Int!) { retireLawEnforcementRoute(companyId: $c, expectedVersion: $v) { status version verifiedAt } }`
// Representations go in one variable, as the gateway sends them (the compiled query does not
// substitute variables inside an _Any literal).
const ref = (id: string) => [{ __typename: 'TechCompany', id }]
const READ = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TechCompany { id
  lawEnforcementRequestRoute { ${ROUTE_FIELDS} } } } }`
const CHANGES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TechCompany {
  lawEnforcementRequestRoute { changes { version at actorSub actorOrg fields { field oldValue newValue } } } } } }`

t.test('law-enforcement request routes', async (t) => {
  const sg = await startTestSubgraph(t, definition, { clock: () => NOW })
  const route = async (id: string, who = secretariat) => (await sg.query(READ, { r: ref(id) }, who)).data._entities[0].lawEnforcementRequestRoute

  t.test('a placeholder is replaced as a whole: nothing of example.org survives into a real route', async (t) => {
    const partial = await sg.query(UPDATE, { c: 'meta', v: 1, input: { note: 'Use the portal.' } }, meta)
    t.same(partial.errors?.[0]?.extensions?.violations, [{ path: 'input.url', message: 'or input.email is required: a route needs somewhere to send requests' }])
    t.equal((await route('meta')).example, true, 'nothing was written')

    const res = await sg.query(UPDATE, { c: 'meta', v: 1, input: { url: REAL.url, note: REAL.note } }, meta)
    t.notOk(res.errors)
    t.same(res.data.updateLawEnforcementRoute, {
      url: REAL.url,
      email: null,
      note: REAL.note,
      example: false,
      source: 'Given by meta through the partner directory',
      verifiedAt: NOW.toISOString(),
      status: 'ACTIVE',
      version: 2,
    })
    const log = await sg.query(CHANGES, { r: ref('meta') }, meta)
    const [entry] = log.data._entities[0].lawEnforcementRequestRoute.changes
    t.match(entry, { version: 2, actorSub: 'trust@meta.example', actorOrg: 'meta', at: NOW.toISOString() })
    t.same(entry.fields.map((f: any) => f.field), ['url', 'email', 'note', 'source', 'example'])
    t.same(entry.fields[1], { field: 'email', oldValue: '"law-enforcement-meta@example.org"', newValue: null })
  })

  t.test('then only the fields given change', async (t) => {
    const res = await sg.query(UPDATE, { c: 'meta', v: 2, input: { email: REAL.email } }, meta)
    t.match(res.data.updateLawEnforcementRoute, { url: REAL.url, email: REAL.email, note: REAL.note, version: 3 })
    const same = await sg.query(UPDATE, { c: 'meta', v: 3, input: { email: REAL.email } }, meta)
    t.equal(same.data.updateLawEnforcementRoute.version, 3, 'a write that changes nothing leaves the version alone')
  })

  t.test("only the company's verified staff and the Secretariat write it; only they read its log", async (t) => {
    const unverified = await sg.query(UPDATE, { c: 'meta', v: 3, input: { note: 'x' } }, unverifiedMeta)
    t.equal(unverified.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.match(unverified.errors?.[0]?.message, /not verified/)
    for (const who of [google, police, identity('civil_society', { org: 'meta' })]) {
      const res = await sg.query(UPDATE, { c: 'meta', v: 3, input: { note: 'x' } }, who)
      t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${who.role} for ${who.org}`)
    }
    t.equal((await route('meta', police)).url, REAL.url, 'law enforcement reads the route')
    t.equal((await sg.query(CHANGES, { r: ref('meta') }, police)).errors?.[0]?.extensions?.code, 'FORBIDDEN', 'but not its history')
    const staff = await sg.query(UPDATE, { c: 'meta', v: 3, input: { source: 'Confirmed by phone with the company, May 2026' } }, secretariat)
    t.match(staff.data.updateLawEnforcementRoute, { version: 4, source: 'Confirmed by phone with the company, May 2026' })
  })

  t.test('a stale version is refused with the version to reload, and nothing is written', async (t) => {
    const res = await sg.query(UPDATE, { c: 'meta', v: 3, input: { note: 'Stale edit' } }, meta)
    t.match(res.errors?.[0]?.extensions, { code: 'CONFLICT', expectedVersion: 3, currentVersion: 4 })
    t.match(res.errors?.[0]?.message, /The law-enforcement route of "meta" has changed since you read it/)
    t.equal((await route('meta')).note, REAL.note)
  })

  t.test('every violation is reported at once, with its path, and nothing is written', async (t) => {
    const res = await sg.query(UPDATE, { c: 'meta', v: 4, input: { url: 'http://example.net/plain', email: 'not-an-address', note: 'n'.repeat(1001), status: 'RETIRED' } }, meta)
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.url', 'input.email', 'input.note', 'input.status'])
    const created = await sg.query(CREATE, { c: 'tech-coalition', input: { url: 'https://example.net/x' } }, secretariat)
    t.same(created.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.note'])
    t.equal((await route('meta')).version, 4)
  })

  t.test('a company without a route gets one, once', async (t) => {
    const res = await sg.query(CREATE, { c: 'tech-coalition', input: { email: REAL.email, note: REAL.note, source: 'Tech Coalition secretariat' } }, secretariat)
    t.match(res.data.createLawEnforcementRoute, { email: REAL.email, url: null, version: 1, example: false, source: 'Tech Coalition secretariat' })
    const again = await sg.query(CREATE, { c: 'tech-coalition', input: REAL }, secretariat)
    t.match(again.errors?.[0]?.extensions, { code: 'CONFLICT', currentVersion: 1 })

    const fresh = await sg.query(CREATE, { c: 'example-video-app', input: REAL }, identity('tech_company', { org: 'example-video-app', verified: true }))
    t.equal(fresh.data.createLawEnforcementRoute.version, 1, "a newly registered company's own staff set its first route")
    t.equal((await route('example-video-app', police)).url, REAL.url)
  })

  t.test('a retired route is gone for its readers and stays with the company and the Secretariat', async (t) => {
    const retired = await sg.query(RETIRE, { c: 'meta', v: 4 }, meta)
    t.same(retired.data.retireLawEnforcementRoute, { status: 'RETIRED', version: 5, verifiedAt: NOW.toISOString() })
    t.equal(await route('meta', police), null, 'law enforcement no longer gets it')
    t.equal(await route('meta', google), null, 'nor does another verified company')
    t.match(await route('meta', meta), { status: 'RETIRED', url: REAL.url })
    t.match(await route('meta', secretariat), { status: 'RETIRED' })
    const restored = await sg.query(UPDATE, { c: 'meta', v: 5, input: { status: 'ACTIVE' } }, meta)
    t.match(restored.data.updateLawEnforcementRoute, { status: 'ACTIVE', version: 6 })
    t.equal((await route('meta', police)).status, 'ACTIVE')
    const log = await sg.query(CHANGES, { r: ref('meta') }, secretariat)
    t.same(log.data._entities[0].lawEnforcementRequestRoute.changes.slice(-2).map((c: any) => c.fields), [
      [{ field: 'status', oldValue: '"ACTIVE"', newValue: '"RETIRED"' }],
      [{ field: 'status', oldValue: '"RETIRED"', newValue: '"ACTIVE"' }],
    ])
  })
})
