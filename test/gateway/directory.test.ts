// The federated directory end to end: every subgraph answers through the gateway in queries that
// cross subgraphs, on PGlite and on the PostgreSQL server; bad input gets a coded error, never a 500.
import t, { type Test } from 'tap'
import type { Driver } from '../helpers/database.ts'
import { startTestStack } from '../helpers/stack.ts'

const CROSS_SUBGRAPH: Array<{ subgraph: string; query: string; check(data: any, t: Test): void }> = [
  {
    subgraph: 'partners + hotlines + commitments + governments (one country, three kinds of data)',
    query: `{ country(code: "PH") { name partners(kind: GOVERNMENT) { id name hotlines { name } commitments { title } } } }`,
    check(data, t) {
      t.equal(data.country.name, 'Philippines')
      const cwc = data.country.partners.find((p: any) => p.id === 'ph-cwc')
      t.ok(cwc, 'the Council for the Welfare of Children is listed')
      t.ok(cwc.hotlines.some((h: any) => /Makabata/.test(h.name)), 'with its Makabata 1383 helpline (hotlines subgraph)')
      t.ok(data.country.partners.some((p: any) => p.commitments.length > 0), 'and commitments (commitments subgraph)')
    },
  },
  {
    subgraph: 'partners',
    query: `{ partners(filter: { kind: UN_AGENCY }) { nodes { id name headquarters { name } } } }`,
    check(data, t) {
      const unicef = data.partners.nodes.find((p: any) => p.id === 'unicef-eapro')
      t.equal(unicef.headquarters.name, 'Thailand', 'headquarters resolved by governments')
    },
  },
  {
    subgraph: 'governments',
    query: `{ countries(aseanOnly: true, asOf: "2024-06-30") { code specialisedUnits { id name } } }`,
    check(data, t) {
      t.equal(data.countries.length, 10, 'ten member states before Timor-Leste joined')
      const th = data.countries.find((c: any) => c.code === 'TH')
      t.ok(th.specialisedUnits.some((u: any) => /TICAC/.test(u.name)), 'unit names come from partners')
    },
  },
  {
    subgraph: 'tech-companies',
    query: `{ partner(id: "meta") { name ... on TechCompany { platforms { name } memberships } } }`,
    check(data, t) {
      t.equal(data.partner.name, 'Meta Platforms')
      t.ok(data.partner.platforms.length > 0)
    },
  },
  {
    subgraph: 'civil-society',
    query: `{ programs(filter: { country: "KH" }) { nodes { id title owner { ... on CivilSocietyOrganisation { name } } countries { name } } } }`,
    check(data, t) {
      const ihc = data.programs.nodes.find((p: any) => p.id === 'kh-internet-hotline-cambodia')
      t.match(ihc.owner.name, /APLE/, 'owner name from partners')
      t.equal(ihc.countries[0].name, 'Cambodia', 'country name from governments')
    },
  },
  {
    subgraph: 'un-agencies',
    query: `{ partner(id: "unicef-eapro") { name ... on UnAgency { mandate technicalAssistanceProjects { title countries { code } } programs { id } } } }`,
    check(data, t) {
      t.ok(data.partner.technicalAssistanceProjects.length > 0)
      t.ok(data.partner.programs.length > 0, 'programs from civil-society on the same UN agency')
    },
  },
  {
    subgraph: 'hotlines',
    query: `{ hotlines(country: "VN") { id name operator { id name } country { name } channels { type display } } }`,
    check(data, t) {
      const line = data.hotlines.find((h: any) => h.channels.some((c: any) => c.display === '111'))
      t.ok(line, "Viet Nam's child line is 111")
      t.equal(line.country.name, 'Viet Nam')
    },
  },
  {
    subgraph: 'resources',
    query: `{ resources(filter: { country: "TH" }) { nodes { title publisher { id name } } } }`,
    check(data, t) {
      t.ok(data.resources.nodes.length > 0)
      t.ok(data.resources.nodes.every((r: any) => r.publisher.name), 'publisher names from partners')
    },
  },
  {
    subgraph: 'commitments',
    query: `{ commitments(first: 5) { nodes { id partner { name kind } focusArea { code label } countries { name } } } }`,
    check(data, t) {
      t.ok(data.commitments.nodes.length > 0)
      for (const c of data.commitments.nodes) t.ok(c.partner.name && c.focusArea.label && c.countries[0]?.name)
    },
  },
]

for (const driver of ['pglite', 'pg'] as Driver[]) {
  t.test(`the directory through the gateway on ${driver}`, async (t) => {
    const stack = await startTestStack(t, { driver })

    for (const c of CROSS_SUBGRAPH) {
      t.test(c.subgraph, async (t) => {
        const res = await stack.query(c.query)
        t.equal(res.status, 200)
        t.notOk(res.errors, JSON.stringify(res.errors))
        if (res.data) c.check(res.data, t)
      })
    }

    t.test('names and descriptions follow the preferred language and fall back to English', async (t) => {
      const res = await stack.query(`{ th: partner(id: "th-msdhs") { name(lang: "th-TH") } en: partner(id: "acwc") { name(lang: "th") } }`)
      t.equal(res.data.th.name, 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์')
      t.match(res.data.en.name, /^ASEAN Commission/)
    })

    t.test('bad input gets a GraphQL error with a code, never a 500', async (t) => {
      const cases: Array<[string, string, Record<string, unknown>, string]> = [
        ['unknown country code', '{ country(code: "ZZ") { name } }', {}, 'BAD_USER_INPUT'],
        ['malformed id', '{ partner(id: "../../etc/passwd") { id } }', {}, 'BAD_USER_INPUT'],
        ['wrong variable type', 'query($n: Int) { partners(first: $n) { totalCount } }', { n: 'ten' }, 'BAD_USER_INPUT'],
        ['out-of-range page size', '{ partners(first: 100000) { totalCount } }', {}, 'BAD_USER_INPUT'],
        ['unknown field', '{ partners { nodes { password } } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
        ['not GraphQL at all', 'SELECT * FROM partners', {}, 'GRAPHQL_PARSE_FAILED'],
      ]
      for (const [what, query, variables, code] of cases) {
        const res = await stack.query(query, variables)
        t.ok(res.status < 500, `${what}: HTTP ${res.status}`)
        t.equal(res.errors?.[0]?.extensions?.code, code, `${what}: ${code}`)
        t.ok(res.errors?.[0]?.message, `${what}: a message`)
      }
      const after = await stack.query('{ partners { totalCount } }')
      t.ok(after.data.partners.totalCount > 0, 'the gateway keeps serving')
    })
  })
}
