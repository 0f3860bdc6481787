// A UN agency's own staff and the Secretariat add, update and retire its technical-assistance
// projects: validated as a whole, versioned, logged; retired projects leave public answers.
import t from 'tap'
import { definition } from '../../../subgraphs/un-agencies/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const NOW = new Date('2026-05-04T09:00:00.000Z')
const unicef = identity('un_agency', { sub: 'malee@unicef.example', org: 'unicef-eapro' })
const unodc = identity('un_agency', { org: 'unodc' })
const secretariat = identity('secretariat', { sub: 'officer@asean.org', org: 'asean-secretariat' })

const FIELDS = 'id version status title titles { lang value } agency { id } countries { code } focusAreas { code } startedOn endedOn source'
const CREATE = `mutation($input: CreateTechnicalAssistanceProjectInput!) { createTechnicalAssistanceProject(input: $input) { ${FIELDS} } }`
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateTechnicalAssistanceProjectInput!) {
  updateTechnicalAssistanceProject(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`
const RETIRE = `mutation($id: ID!, $v: Int!) { retireTechnicalAssistanceProject(id: $id, expectedVersion: $v) { id version status } }`
const CHANGES = `query($id: ID!) { technicalAssistanceProject(id: $id) { changes { version at actorSub actorOrg fields { field oldValue newValue } } } }`
const EVERYWHERE = `query($id: ID!, $r: [_Any!]!) {
  technicalAssistanceProject(id: $id) { id status }
  technicalAssistanceProjects(country: "KH") { id }
  _entities(representations: $r) { ... on UnAgency { technicalAssistanceProjects { id } } ... on Country { technicalAssistanceProjects { id } } } }`

const project = (extra: Record<string, unknown> = {}) => ({
  titles: [{ lang: 'en', value: 'Child online protection training for Cambodian police' }, { lang: 'km', value: 'វគ្គបណ្តុះបណ្តាលការពារកុមារតាមអ៊ីនធឺណិត' }],
  summaries: [{ lang: 'en', value: 'Training on handling reports of online child sexual exploitation.' }],
  countries: ['KH'],
  focusAreas: ['rpa-2021-3'],
  startedOn: '2026-02-01',
  source: 'UNICEF Cambodia programme document, 2026',
  ...extra,
})

t.test('technical-assistance project writes', async (t) => {
  const sg = await startTestSubgraph(t, definition, { clock: () => NOW })
  let id = ''

  t.test("an agency's own staff add a project, which is logged as version 1", async (t) => {
    const res = await sg.query(CREATE, { input: project() }, unicef)
    t.notOk(res.errors)
    id = res.data.createTechnicalAssistanceProject.id
    t.match(id, /^child-online-protection-training-for-cambodian-p-[0-9a-f]{8}$/)
    t.match(res.data.createTechnicalAssistanceProject, { version: 1, status: 'ONGOING', agency: { id: 'unicef-eapro' }, startedOn: '2026-02-01', endedOn: null })
    const log = await sg.query(CHANGES, { id }, unicef)
    t.match(log.data.technicalAssistanceProject.changes, [{ version: 1, actorSub: 'malee@unicef.example', actorOrg: 'unicef-eapro', at: NOW.toISOString() }])
    t.same(log.data.technicalAssistanceProject.changes[0].fields[0], { field: 'agency', oldValue: null, newValue: '"unicef-eapro"' })
  })

  t.test('the Secretariat adds for a named agency; nobody adds for another agency', async (t) => {
    const unnamed = await sg.query(CREATE, { input: project() }, secretariat)
    t.same(unnamed.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.agency'])
    const named = await sg.query(CREATE, { input: project({ agency: 'unodc', source: undefined }) }, secretariat)
    t.match(named.data.createTechnicalAssistanceProject, { agency: { id: 'unodc' }, source: 'Given by asean-secretariat through the partner directory' })
    const foreign = await sg.query(CREATE, { input: project({ agency: 'unodc' }) }, unicef)
    t.equal(foreign.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const ngo = await sg.query(CREATE, { input: project() }, identity('civil_society', { org: 'aple-cambodia' }))
    t.equal(ngo.errors?.[0]?.extensions?.code, 'FORBIDDEN')
  })

  t.test('the agency and the Secretariat update it; another agency may not, nor read its log', async (t) => {
    const own = await sg.query(UPDATE, { id, v: 1, input: { status: 'COMPLETED', endedOn: '2026-04-30' } }, unicef)
    t.match(own.data.updateTechnicalAssistanceProject, { version: 2, status: 'COMPLETED', endedOn: '2026-04-30', countries: [{ code: 'KH' }] })
    const other = await sg.query(UPDATE, { id, v: 2, input: { status: 'ONGOING' } }, unodc)
    t.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.match(other.errors?.[0]?.message, /belongs to "unicef-eapro"/)
    t.equal((await sg.query(CHANGES, { id }, unodc)).errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const staff = await sg.query(UPDATE, { id, v: 2, input: { countries: ['KH', 'LA'] } }, secretariat)
    t.match(staff.data.updateTechnicalAssistanceProject, { version: 3, countries: [{ code: 'KH' }, { code: 'LA' }] })
    const seeded = await sg.query(UPDATE, { id: 'unicef-lao-1554-support', v: 1, input: { status: 'ONGOING', source: 'UNICEF Laos, 2026' } }, unicef)
    t.match(seeded.data.updateTechnicalAssistanceProject, { version: 2, status: 'ONGOING' }, 'seeded projects are writable too')
    const log = await sg.query(CHANGES, { id }, secretariat)
    t.same(log.data.technicalAssistanceProject.changes[1].fields, [
      { field: 'endedOn', oldValue: null, newValue: '"2026-04-30"' },
      { field: 'status', oldValue: '"ONGOING"', newValue: '"COMPLETED"' },
    ])
  })

  t.test('a stale version is refused with the version to reload, and nothing is written', async (t) => {
    const res = await sg.query(UPDATE, { id, v: 2, input: { status: 'ONGOING' } }, unicef)
    t.match(res.errors?.[0]?.extensions, { code: 'CONFLICT', expectedVersion: 2, currentVersion: 3 })
    t.equal((await sg.query(`query($id: ID!) { technicalAssistanceProject(id: $id) { status } }`, { id })).data.technicalAssistanceProject.status, 'COMPLETED')
  })

  t.test('every violation is reported at once, with its path, and nothing is written', async (t) => {
    const res = await sg.query(
      CREATE,
      { input: project({ titles: [], summaries: [{ lang: '', value: 'x' }], countries: ['KH', 'ZZ'], focusAreas: ['rpa-2021-8'], startedOn: '2026-03-01', endedOn: '2026-01-01', status: 'RETIRED' }) },
      unicef,
    )
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), [
      'input.titles',
      'input.summaries[0].lang',
      'input.countries[1]',
      'input.focusAreas[0]',
      'input.endedOn',
      'input.status',
    ])
    const [row] = await sg.db.query<{ n: number }>(`select count(*)::int as n from un_agencies.project where agency_id = 'unicef-eapro'`)
    t.equal(row!.n, 5, 'nothing was added')
    const update = await sg.query(UPDATE, { id, v: 3, input: { startedOn: '2026-05-01', titles: null } }, unicef)
    t.same(update.errors?.[0]?.extensions?.violations, [
      { path: 'input.titles', message: 'cannot be cleared' },
      { path: 'input.startedOn', message: 'the project would end (2026-04-30) before it starts (2026-05-01)' },
    ])
  })

  t.test('a retired project leaves every public answer and stays with its agency and the Secretariat', async (t) => {
    const r = [{ __typename: 'UnAgency', id: 'unicef-eapro' }, { __typename: 'Country', code: 'KH' }]
    const retired = await sg.query(RETIRE, { id, v: 3 }, unicef)
    t.same(retired.data.retireTechnicalAssistanceProject, { id, version: 4, status: 'RETIRED' })
    for (const who of [identity('public'), unodc, identity('government', { org: 'kh-moi-acc', country: 'KH' })]) {
      const res = await sg.query(EVERYWHERE, { id, r }, who)
      t.notOk(res.errors)
      t.equal(res.data.technicalAssistanceProject, null, `${who.role}: not found by id`)
      t.notOk(res.data.technicalAssistanceProjects.some((p: any) => p.id === id), 'not listed')
      t.notOk(res.data._entities.some((e: any) => e.technicalAssistanceProjects.some((p: any) => p.id === id)), "not among the agency's or the country's projects")
    }
    for (const who of [unicef, secretariat]) {
      const res = await sg.query(EVERYWHERE, { id, r }, who)
      t.same(res.data.technicalAssistanceProject, { id, status: 'RETIRED' }, `${who.role} still sees it`)
      t.ok(res.data._entities.every((e: any) => e.technicalAssistanceProjects.some((p: any) => p.id === id)))
    }
    const restored = await sg.query(UPDATE, { id, v: 4, input: { status: 'COMPLETED' } }, unicef)
    t.match(restored.data.updateTechnicalAssistanceProject, { version: 5, status: 'COMPLETED' })
    t.equal((await sg.query(EVERYWHERE, { id, r })).data.technicalAssistanceProject.id, id, 'restored for everyone')
  })
})
