import t from 'tap'
import { definition } from '../../../subgraphs/partners/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

t.test('partners subgraph', async (t) => {
  const sg = await startTestSubgraph(t, definition)

  t.test('filters the directory by country and kind, and pages without repeats', async (t) => {
    const seen: string[] = []
    let after: string | null = null
    let total = 0
    do {
      const res: any = await sg.query(
        `query($after: String) { partners(filter: { country: "TH" }, first: 2, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } nodes { id kind countries { code } } } }`,
        { after },
      )
      t.notOk(res.errors)
      const page = res.data.partners
      total = page.totalCount
      for (const node of page.nodes) t.ok(node.countries.some((c: any) => c.code === 'TH'), `${node.id} works in TH`)
      seen.push(...page.nodes.map((n: any) => n.id))
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null
    } while (after)
    t.equal(seen.length, total, 'every partner once')
    t.equal(new Set(seen).size, seen.length, 'no partner twice')
    t.ok(seen.includes('childline-thailand'))

    const ngos = await sg.query(`{ partners(filter: { country: "TH", kind: CIVIL_SOCIETY }, first: 50) { nodes { kind } } }`)
    t.ok(ngos.data.partners.nodes.length > 0)
    t.ok(ngos.data.partners.nodes.every((n: any) => n.kind === 'CIVIL_SOCIETY'))
  })

  t.test('finds partners by text in Thai script and by focus area', async (t) => {
    const thai = await sg.query(`{ partners(filter: { text: "สายเด็ก" }) { nodes { id name(lang: "th") } } }`)
    t.same(thai.data.partners.nodes, [{ id: 'childline-thailand', name: 'มูลนิธิสายเด็ก' }])
    const units = await sg.query(`{ partners(filter: { focusArea: "rpa-2021-3", country: "PH", scope: NATIONAL }) { nodes { id } } }`)
    t.same(units.data.partners.nodes.map((n: any) => n.id), ['ph-picacc'])
  })

  t.test('falls back to English when a translation is missing', async (t) => {
    const res = await sg.query(`{ partner(id: "acwc") { name(lang: "th") } }`)
    t.match(res.data.partner.name, /^ASEAN Commission/)
  })

  t.test('resolves every entity through _entities, in key order', async (t) => {
    const res = await sg.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Partner { id } ... on Country { partners(kind: UN_AGENCY) { id } } } }`,
      {
        r: [
          { __typename: 'TechCompany', id: 'meta' },
          { __typename: 'Partner', id: 'unicef-eapro' },
          { __typename: 'GovernmentAgency', id: 'th-msdhs' },
          { __typename: 'CivilSocietyOrganisation', id: 'iwf' },
          { __typename: 'UnAgency', id: 'unodc' },
          { __typename: 'Country', code: 'LA' },
        ],
      },
    )
    t.notOk(res.errors)
    t.same(
      res.data._entities.map((e: any) => e.__typename),
      ['TechCompany', 'UnAgency', 'GovernmentAgency', 'CivilSocietyOrganisation', 'UnAgency', 'Country'],
    )
    t.same(res.data._entities[5].partners.map((p: any) => p.id).sort(), ['unicef-eapro', 'unodc'])
  })

  t.test('bad input gets a coded error naming what is allowed', async (t) => {
    const country = await sg.query(`{ partners(filter: { country: "XX" }) { totalCount } }`)
    t.equal(country.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.match(country.errors?.[0]?.message, /TH/)
    const id = await sg.query(`{ partner(id: "Robert'); DROP TABLE") { id } }`)
    t.equal(id.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const cursor = await sg.query(`{ partners(after: "garbage") { totalCount } }`)
    t.equal(cursor.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const lang = await sg.query(`{ partner(id: "acwc") { name(lang: "en_US!") } }`)
    t.equal(lang.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
