import t from 'tap'
import { migrate } from '../../../subgraphs/common/migrate.ts'
import { definition as partners } from '../../../subgraphs/partners/app.ts'
import { definition } from '../../../subgraphs/un-agencies/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const ids = (list: Array<{ id: string }>) => list.map((p) => p.id)

t.test('un-agencies subgraph', async (t) => {
  const sg = await startTestSubgraph(t, definition)

  t.test('resolves agencies and countries through _entities in key order; an agency without a record here has empty details, an unknown country is null', async (t) => {
    const statements: string[] = []
    sg.db.onQuery = (text) => statements.push(text)
    t.teardown(() => (sg.db.onQuery = undefined))
    const res = await sg.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename
        ... on UnAgency { id parentOrganisation technicalAssistanceProjects { id } }
        ... on Country { code technicalAssistanceProjects { id } } } }`,
      {
        r: [
          { __typename: 'UnAgency', id: 'unodc' },
          { __typename: 'Country', code: 'LA' },
          { __typename: 'UnAgency', id: 'no-such-agency' },
          { __typename: 'UnAgency', id: 'unicef-eapro' },
          { __typename: 'Country', code: 'XX' },
          { __typename: 'UnAgency', id: 'meta' },
          { __typename: 'Country', code: 'TL' },
        ],
      },
    )
    t.notOk(res.errors)
    const [unodc, la, none, unicef, xx, meta, tl] = res.data._entities
    t.same([unodc.__typename, unodc.id, unodc.parentOrganisation], ['UnAgency', 'unodc', 'United Nations'])
    t.same(ids(unodc.technicalAssistanceProjects), ['unodc-cybercrime-cryptocurrency'])
    t.same(ids(la.technicalAssistanceProjects), [
      'unicef-eapro-asean-ict-forum',
      'unicef-eapro-rpa-technical-support',
      'unicef-lao-1554-support',
      'unicef-vientiane-essential-services-directory',
    ])
    // An agency registered a moment ago has no record here yet: null would void every list it is in.
    const empty = (id: string) => ({ __typename: 'UnAgency', id, parentOrganisation: null, technicalAssistanceProjects: [] })
    t.same([none, xx, meta], [empty('no-such-agency'), null, empty('meta')])
    t.equal(unicef.parentOrganisation, 'UNICEF')
    t.equal(unicef.technicalAssistanceProjects.length, 4)
    t.same(tl, { __typename: 'Country', code: 'TL', technicalAssistanceProjects: [] }, 'the 2021-2025 plan predates Timor-Leste’s membership')
    t.equal(statements.filter((s) => s.includes('from un_agencies.agency')).length, 1, 'one statement for the agencies')
    t.equal(statements.filter((s) => s.includes('from un_agencies.project')).length, 2, 'one statement per list loader')
  })

  t.test('has details for every UN agency in the registry', async (t) => {
    await migrate(sg.db, partners.dbSchema, partners.migrations)
    await partners.seed!(sg.db)
    const registry = (await sg.db.query<{ id: string }>(`select id from partners.partner where kind = 'UN_AGENCY' order by id`)).map((r) => r.id)
    const res = await sg.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on UnAgency { id mandate mandateSource } } }`, {
      r: registry.map((id) => ({ __typename: 'UnAgency', id })),
    })
    t.same(ids(res.data._entities), registry)
    for (const agency of res.data._entities) t.ok(agency.mandate && agency.mandateSource, `${agency.id} has a sourced mandate`)
  })

  t.test('filters projects by country and focus area, combined with AND', async (t) => {
    const all = await sg.query(`{ technicalAssistanceProjects { id } }`)
    t.equal(all.data.technicalAssistanceProjects.length, 5)
    const laos = await sg.query(`{ technicalAssistanceProjects(country: "la", focusArea: "rpa-2021-4") { id countries { code } focusAreas { code } } }`)
    t.same(ids(laos.data.technicalAssistanceProjects), [
      'unicef-eapro-rpa-technical-support',
      'unicef-lao-1554-support',
      'unicef-vientiane-essential-services-directory',
    ])
    for (const p of laos.data.technicalAssistanceProjects) {
      t.ok(p.countries.some((c: any) => c.code === 'LA'))
      t.ok(p.focusAreas.some((f: any) => f.code === 'rpa-2021-4'))
    }
    const forum = await sg.query(`{ technicalAssistanceProjects(focusArea: "rpa-2021-7", country: "KH") { id title status agency { id } } }`)
    t.same(forum.data.technicalAssistanceProjects.map((p: any) => [p.id, p.agency.id]), [
      ['unicef-eapro-asean-ict-forum', 'unicef-eapro'],
      ['unicef-eapro-rpa-technical-support', 'unicef-eapro'],
    ])
    t.match(forum.data.technicalAssistanceProjects[0], { title: 'Annual ASEAN ICT Forum on child online protection', status: 'ONGOING' })
    const none = await sg.query(`{ technicalAssistanceProjects(country: "AU") { id } }`)
    t.same(none.data.technicalAssistanceProjects, [])
  })

  t.test('keeps each project’s source and does not invent dates', async (t) => {
    const res = await sg.query(`{ technicalAssistanceProjects { id source startedOn endedOn summary(lang: "th") } }`)
    for (const p of res.data.technicalAssistanceProjects) {
      t.ok(p.source.length > 0, `${p.id} has a source`)
      t.ok(p.summary, `${p.id} falls back to an English summary`)
    }
    const lao = res.data.technicalAssistanceProjects.find((p: any) => p.id === 'unicef-lao-1554-support')
    t.match(lao, { source: /UNICEF Laos/, startedOn: null, endedOn: null })
  })

  t.test('bad input gets a coded error naming what is allowed', async (t) => {
    const country = await sg.query(`{ technicalAssistanceProjects(country: "Laos") { id } }`)
    t.equal(country.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.match(country.errors?.[0]?.message, /LA/)
    const focus = await sg.query(`{ technicalAssistanceProjects(focusArea: "rpa-2021-9") { id } }`)
    t.equal(focus.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.match(focus.errors?.[0]?.message, /rpa-2021-1.*rpa-2021-7/)
    const lang = await sg.query(`{ technicalAssistanceProjects { title(lang: "??") } }`)
    t.equal(lang.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
