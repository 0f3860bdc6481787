import t from 'tap'
import { migrate } from '../../../subgraphs/common/migrate.ts'
import { definition } from '../../../subgraphs/governments/app.ts'
import { definition as partners } from '../../../subgraphs/partners/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename
  ... on Country { code name alpha3 }
  ... on GovernmentAgency { id agencyType jurisdiction { code name } } } }`

t.test('governments subgraph: agencies and entities', async (t) => {
  const sg = await startTestSubgraph(t, definition)

  t.test('resolves countries and agencies through _entities in key order; an agency without details here has empty ones, an unknown country is null', async (t) => {
    const statements: string[] = []
    sg.db.onQuery = (text) => statements.push(text)
    t.teardown(() => (sg.db.onQuery = undefined))
    const res = await sg.query(ENTITIES, {
      r: [
        { __typename: 'GovernmentAgency', id: 'th-rtp-ticac' },
        { __typename: 'Country', code: 'TH' },
        { __typename: 'GovernmentAgency', id: 'no-such-agency' },
        { __typename: 'Country', code: 'XX' },
        { __typename: 'GovernmentAgency', id: 'meta' },
        { __typename: 'GovernmentAgency', id: 'acwc' },
        { __typename: 'Country', code: 'GB' },
        { __typename: 'GovernmentAgency', id: 'au-esafety' },
      ],
    })
    t.notOk(res.errors)
    t.same(res.data._entities, [
      { __typename: 'GovernmentAgency', id: 'th-rtp-ticac', agencyType: 'LAW_ENFORCEMENT_UNIT', jurisdiction: { code: 'TH', name: 'Thailand' } },
      { __typename: 'Country', code: 'TH', name: 'Thailand', alpha3: 'THA' },
      // A government partner registered a moment ago: null would void every list it is in.
      { __typename: 'GovernmentAgency', id: 'no-such-agency', agencyType: null, jurisdiction: null },
      null,
      { __typename: 'GovernmentAgency', id: 'meta', agencyType: null, jurisdiction: null },
      { __typename: 'GovernmentAgency', id: 'acwc', agencyType: 'ASEAN_BODY', jurisdiction: null },
      { __typename: 'Country', code: 'GB', name: 'United Kingdom', alpha3: null },
      { __typename: 'GovernmentAgency', id: 'au-esafety', agencyType: 'COMMISSION', jurisdiction: { code: 'AU', name: 'Australia' } },
    ])
    const agencyReads = statements.filter((s) => s.includes('from governments.agency'))
    const countryReads = statements.filter((s) => s.includes('from governments.country'))
    t.equal(agencyReads.length, 1, 'one statement for every agency in the batch')
    // Four distinct codes over two levels (the representations, then the agencies' jurisdictions).
    t.ok(countryReads.length <= 2, 'one statement per level of the query, never one per country')
  })

  t.test('has details for every government partner in the registry', async (t) => {
    await migrate(sg.db, partners.dbSchema, partners.migrations)
    await partners.seed!(sg.db)
    const ids = (await sg.db.query<{ id: string }>(`select id from partners.partner where kind = 'GOVERNMENT' order by id`)).map((r) => r.id)
    t.ok(ids.length >= 28)
    const res = await sg.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on GovernmentAgency { id mandate mandateSource } } }`, {
      r: ids.map((id) => ({ __typename: 'GovernmentAgency', id })),
    })
    t.notOk(res.errors)
    t.same(res.data._entities.map((a: any) => a?.id), ids, 'none missing')
    for (const agency of res.data._entities) t.ok(agency.mandate && agency.mandateSource, `${agency.id} has a sourced mandate`)
  })

  t.test('lists the six ASEAN bodies', async (t) => {
    const res = await sg.query(`{ aseanBodies { id agencyType jurisdiction { code } } }`)
    t.same(res.data.aseanBodies.map((a: any) => a.id).sort(), ['acwc', 'adgsom', 'aipa', 'asean-secretariat', 'somswd', 'somtc'])
    t.ok(res.data.aseanBodies.every((a: any) => a.agencyType === 'ASEAN_BODY' && a.jurisdiction === null))
  })

  t.test('lists a country’s agencies and only its confirmed specialised units', async (t) => {
    const res = await sg.query(`{ ph: country(code: "PH") { agencies { id } specialisedUnits { id } }
      tl: country(code: "TL") { agencies { id } specialisedUnits { id } }
      vn: country(code: "VN") { specialisedUnits { id } } }`)
    t.same(res.data.ph.agencies.map((a: any) => a.id), ['ph-cwc', 'ph-doj-occ', 'ph-picacc'])
    t.same(res.data.ph.specialisedUnits, [{ id: 'ph-picacc' }])
    t.same(res.data.tl.agencies.map((a: any) => a.id), ['tl-inddica', 'tl-mssi', 'tl-pntl-vpu'])
    t.same(res.data.tl.specialisedUnits, [], 'Timor-Leste’s specialised unit is unconfirmed')
    t.same(res.data.vn.specialisedUnits, [])
  })

  t.test('gives mandates in the requested language, falling back to English', async (t) => {
    const res = await sg.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on GovernmentAgency { th: mandate(lang: "th-TH") en: mandate } } }`, {
      r: [{ __typename: 'GovernmentAgency', id: 'th-msdhs' }, { __typename: 'GovernmentAgency', id: 'acwc' }],
    })
    t.match(res.data._entities[0].th, /สายด่วน 1300/)
    t.match(res.data._entities[0].en, /Prachabodi/)
    t.equal(res.data._entities[1].th, res.data._entities[1].en)
  })

  t.test('resolves a parent body through the agency loader', async (t) => {
    await sg.db.query(`insert into governments.agency (id, agency_type, parent_id, jurisdiction) values ('test-child-unit', 'LAW_ENFORCEMENT_UNIT', 'th-rtp-ticac', 'TH')`)
    t.teardown(() => sg.db.query(`delete from governments.agency where id = 'test-child-unit'`))
    const res = await sg.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on GovernmentAgency { id parentBody { id agencyType } } } }`, {
      r: [{ __typename: 'GovernmentAgency', id: 'test-child-unit' }, { __typename: 'GovernmentAgency', id: 'th-msdhs' }],
    })
    t.same(res.data._entities, [
      { id: 'test-child-unit', parentBody: { id: 'th-rtp-ticac', agencyType: 'LAW_ENFORCEMENT_UNIT' } },
      { id: 'th-msdhs', parentBody: null },
    ])
  })

  t.test('seeding twice changes nothing and keeps edits', async (t) => {
    await sg.db.query(`update governments.country set source = 'edited' where code = 'BN'`)
    await definition.seed!(sg.db)
    const [row] = await sg.db.query<{ source: string; n: number }>(`select source, (select count(*)::int from governments.emergency_number) as n from governments.country where code = 'BN'`)
    t.equal(row!.source, 'edited')
    t.equal(row!.n, 32)
  })
})
