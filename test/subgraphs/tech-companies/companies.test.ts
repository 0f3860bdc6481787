import t from 'tap'
import { migrate } from '../../../subgraphs/common/migrate.ts'
import { definition as partners } from '../../../subgraphs/partners/app.ts'
import { definition } from '../../../subgraphs/tech-companies/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const ROUTE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TechCompany { id
  lawEnforcementRequestRoute { url email note example source verifiedAt } } } }`
const META = { r: [{ __typename: 'TechCompany', id: 'meta' }] }

t.test('tech-companies subgraph', async (t) => {
  const sg = await startTestSubgraph(t, definition)

  t.test('resolves companies through _entities in key order; one without a record here has empty details', async (t) => {
    const statements: string[] = []
    sg.db.onQuery = (text) => statements.push(text)
    t.teardown(() => (sg.db.onQuery = undefined))
    const res = await sg.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on TechCompany { id memberships transparencyReportUrl platforms { name kind } } } }`,
      {
        r: [
          { __typename: 'TechCompany', id: 'microsoft' },
          { __typename: 'TechCompany', id: 'no-such-company' },
          { __typename: 'TechCompany', id: 'tech-coalition' },
          { __typename: 'TechCompany', id: 'unicef-eapro' },
          { __typename: 'TechCompany', id: 'meta' },
        ],
      },
    )
    t.notOk(res.errors)
    const [microsoft, none, coalition, unicef, meta] = res.data._entities
    // A company registered a moment ago has no record here yet: null would void every list it is in.
    const empty = (id: string) => ({ __typename: 'TechCompany', id, memberships: [], transparencyReportUrl: null, platforms: [] })
    t.same([none, unicef], [empty('no-such-company'), empty('unicef-eapro')])
    t.same(microsoft.platforms, [
      { name: 'OneDrive', kind: 'CLOUD' },
      { name: 'Xbox', kind: 'GAMING' },
      { name: 'Bing', kind: 'SEARCH' },
      { name: 'LinkedIn', kind: 'SOCIAL_NETWORK' },
    ])
    t.equal(microsoft.transparencyReportUrl, null, 'no address unless it is certain')
    t.same(coalition, { __typename: 'TechCompany', id: 'tech-coalition', memberships: [], transparencyReportUrl: null, platforms: [] })
    t.same(meta.memberships, ['Tech Coalition'])
    t.equal(meta.transparencyReportUrl, 'https://transparency.meta.com')
    t.equal(statements.filter((s) => s.includes('from tech_companies.company')).length, 1)
    t.equal(statements.filter((s) => s.includes('from tech_companies.platform')).length, 1)
  })

  t.test('has details for every tech company in the registry', async (t) => {
    await migrate(sg.db, partners.dbSchema, partners.migrations)
    await partners.seed!(sg.db)
    const registry = (await sg.db.query<{ id: string }>(`select id from partners.partner where kind = 'TECH_COMPANY' order by id`)).map((r) => r.id)
    const res = await sg.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on TechCompany { id } } }`, {
      r: registry.map((id) => ({ __typename: 'TechCompany', id })),
    })
    t.same(res.data._entities.map((c: any) => c?.id), registry)
  })

  t.test('lists platforms by kind, each with its company', async (t) => {
    const video = await sg.query(`{ techCompanyPlatforms(kind: VIDEO) { name kind company { id } } }`)
    t.same(video.data.techCompanyPlatforms, [
      { name: 'TikTok', kind: 'VIDEO', company: { id: 'tiktok' } },
      { name: 'YouTube', kind: 'VIDEO', company: { id: 'google' } },
    ])
    const all = await sg.query(`{ techCompanyPlatforms { id } }`)
    t.equal(all.data.techCompanyPlatforms.length, 12)
  })

  t.test('refuses the law-enforcement route to anyone who may not read restricted contacts', async (t) => {
    const refused = [
      identity('public'),
      identity('civil_society', { org: 'ecpat-international' }),
      identity('un_agency', { org: 'unicef-eapro' }),
      identity('tech_company', { org: 'tiktok', verified: false }),
    ]
    for (const who of refused) {
      const res = await sg.query(ROUTE, META, who)
      t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', who.role)
      t.equal(res.data?._entities?.[0]?.lawEnforcementRequestRoute ?? null, null, `${who.role} sees no route`)
      t.notMatch(JSON.stringify(res), /example\.org/, `${who.role} gets no trace of the route`)
    }
  })

  t.test('gives the route to verified tech companies, governments and the Secretariat, marked as an example', async (t) => {
    const allowed = [
      identity('tech_company', { org: 'google', verified: true }),
      identity('government', { org: 'th-rtp-ticac', country: 'TH' }),
      identity('secretariat', { org: 'asean-secretariat' }),
    ]
    for (const who of allowed) {
      const res = await sg.query(ROUTE, META, who)
      t.notOk(res.errors, who.role)
      t.same(res.data._entities[0].lawEnforcementRequestRoute, {
        url: 'https://example.org/law-enforcement/meta',
        email: 'law-enforcement-meta@example.org',
        note: 'Example only: not a real escalation route.',
        example: true,
        source: 'Example data',
        verifiedAt: null,
      })
    }
    const coalition = await sg.query(ROUTE, { r: [{ __typename: 'TechCompany', id: 'tech-coalition' }] }, allowed[1])
    t.same(coalition.data._entities[0].lawEnforcementRequestRoute, null, 'no route is invented for an alliance')
  })

  t.test('every seeded route is an example, and the table refuses an example that looks real', async (t) => {
    const rows = await sg.db.query<{ url: string; email: string; example: boolean }>('select url, email, example from tech_companies.law_enforcement_route')
    t.ok(rows.length > 0)
    for (const row of rows) {
      t.ok(row.example)
      t.match(row.url, /^https:\/\/example\.org\//)
      t.match(row.email, /@example\.org$/)
    }
    await t.rejects(
      sg.db.query(`insert into tech_companies.law_enforcement_route (company_id, url, note, example, source)
        values ('tech-coalition', 'https://le.tech-coalition.org/requests', 'Example only', true, 'test')`),
    )
  })

  t.test('bad input gets a coded error naming what is allowed', async (t) => {
    const kind = await sg.query(`query($k: PlatformKind) { techCompanyPlatforms(kind: $k) { id } }`, { k: 'FORUM' })
    t.notOk(kind.data?.techCompanyPlatforms)
    t.equal(kind.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'an unknown kind in a variable is bad input')
    const literal = await sg.query(`{ techCompanyPlatforms(kind: FORUM) { id } }`)
    t.equal(literal.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED')
  })
})
