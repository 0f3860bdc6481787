import t from 'tap'
import { definition } from '../../../subgraphs/civil-society/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { aple, ARCHIVE, CHANGES, CREATE, ecpatPhilippines, programInput, secretariat } from './fixtures/programs.ts'

const ONE = `query($id: ID!) { program(id: $id) { id status } }`
const LIST = `query($filter: ProgramFilter) { programs(filter: $filter, first: 100) { totalCount nodes { id } } }`
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Program { id title owner { __typename ... on UnAgency { id } ... on CivilSocietyOrganisation { id } } }
  ... on CivilSocietyOrganisation { id programs { id } memberships { network { id } joinedOn joinedYear note source }
        networkMembers { member { id } joinedYear } }
  ... on UnAgency { id programs { id } } } }`

t.test('who sees what', async (t) => {
  const sg = await startTestSubgraph(t, definition)
  const created = await sg.query(CREATE, { input: programInput({ titles: [{ lang: 'en', value: 'Withdrawn listing' }] }) }, aple)
  const id = created.data.createProgram.id
  t.notOk((await sg.query(ARCHIVE, { id, v: 1 }, aple)).errors)
  const ids = (res: any) => res.data.programs.nodes.map((n: any) => n.id)

  t.test('archived programs are hidden from the public and from other organisations', async (t) => {
    for (const who of [identity('public'), ecpatPhilippines, identity('government', { org: 'th-msdhs' })]) {
      t.equal((await sg.query(ONE, { id }, who)).data.program, null, `${who.role}: program(id) is null`)
      t.notOk(ids(await sg.query(LIST, {}, who)).includes(id), `${who.role}: not listed`)
      t.same(ids(await sg.query(LIST, { filter: { status: ['ARCHIVED'] } }, who)), [], `${who.role}: not even when asked for`)
      const ref = await sg.query(ENTITIES, { r: [{ __typename: 'Program', id }, { __typename: 'CivilSocietyOrganisation', id: 'aple-cambodia' }] }, who)
      t.equal(ref.data._entities[0], null, `${who.role}: not resolvable as an entity`)
      t.notOk(ref.data._entities[1].programs.some((p: any) => p.id === id), `${who.role}: not among the organisation's programs`)
    }
    const publicList = await sg.query(LIST, {})
    t.equal(publicList.data.programs.totalCount, publicList.data.programs.nodes.length, 'the count agrees with what is shown')
  })

  t.test('the owner and the Secretariat still see archived programs', async (t) => {
    for (const who of [aple, secretariat]) {
      t.same((await sg.query(ONE, { id }, who)).data.program, { id, status: 'ARCHIVED' }, `${who.role}: program(id)`)
      t.same(ids(await sg.query(LIST, { filter: { status: ['ARCHIVED'] } }, who)), [id], `${who.role}: status filter`)
      t.notOk(ids(await sg.query(LIST, {}, who)).includes(id), `${who.role}: the default listing leaves archived programs out`)
      const ref = await sg.query(ENTITIES, { r: [{ __typename: 'CivilSocietyOrganisation', id: 'aple-cambodia' }] }, who)
      t.ok(ref.data._entities[0].programs.some((p: any) => p.id === id), `${who.role}: among the organisation's programs`)
    }
  })

  t.test('the change log and the last writer are for the owner and the Secretariat only', async (t) => {
    for (const who of [identity('public'), ecpatPhilippines, identity('un_agency', { org: 'unicef-eapro' })]) {
      const res = await sg.query(CHANGES, { id: 'th-saidek-1387' }, who)
      t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${who.role} ${who.org ?? ''}: change log refused`)
      t.match(res.errors?.[0]?.message, /childline-thailand/, 'says whose it is')
      const by = await sg.query(`{ program(id: "th-saidek-1387") { id updatedBy } }`, {}, who)
      t.equal(by.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${who.role}: last writer refused`)
      t.same(by.data.program, { id: 'th-saidek-1387', updatedBy: null })
    }
    const owner = await sg.query(CHANGES, { id }, aple)
    t.same(owner.data.program.changes.map((c: any) => c.version), [1, 2])
    const staff = await sg.query(`query($id: ID!) { program(id: $id) { updatedBy changes { version actorOrg } } }`, { id }, secretariat)
    t.same(staff.data.program, { updatedBy: 'test-civil_society', changes: [{ version: 1, actorOrg: 'aple-cambodia' }, { version: 2, actorOrg: 'aple-cambodia' }] })
  })

  t.test('resolves programs, owners and memberships as entities, batched', async (t) => {
    const statements: string[] = []
    sg.db.onQuery = (text) => statements.push(text)
    const res = await sg.query(ENTITIES, {
      r: [
        { __typename: 'Program', id: 'asean-ict-forum-support' },
        { __typename: 'CivilSocietyOrganisation', id: 'aple-cambodia' },
        { __typename: 'CivilSocietyOrganisation', id: 'child-helpline-international' },
        { __typename: 'UnAgency', id: 'unicef-eapro' },
        { __typename: 'Program', id: 'th-saidek-1387' },
      ],
    })
    sg.db.onQuery = undefined
    t.notOk(res.errors)
    const [forum, apleOrg, chi, unicefOrg, saidek] = res.data._entities
    t.same(forum.owner, { __typename: 'UnAgency', id: 'unicef-eapro' })
    t.same(saidek.owner, { __typename: 'CivilSocietyOrganisation', id: 'childline-thailand' })
    t.same(apleOrg.programs.map((p: any) => p.id), ['kh-internet-hotline-cambodia'])
    t.same(apleOrg.memberships.map((m: any) => m.network.id), ['ecpat-international', 'inhope'])
    t.ok(apleOrg.memberships.every((m: any) => m.source), 'every membership names its source')
    t.same(chi.networkMembers, [{ member: { id: 'childline-thailand' }, joinedYear: 2003 }])
    t.same(unicefOrg.programs.map((p: any) => p.id), ['asean-ict-forum-support'])
    t.equal(statements.filter((s) => /from civil_society\.program where id = any/.test(s)).length, 1, 'programs by id: one statement')
    t.equal(statements.filter((s) => /owner_id = any/.test(s)).length, 1, 'programs by owner: one statement for both owner types')
  })

  t.test('seeded programs carry their contacts with source and date', async (t) => {
    const res = await sg.query(`{ program(id: "th-saidek-1387") { title(lang: "th") description(lang: "th-TH")
      contacts { website phone { number e164 country isShortCode } source verifiedAt } } }`)
    t.same(res.data.program, {
      title: 'สายเด็ก 1387',
      description: 'สายด่วนสำหรับเด็กและเยาวชนอายุต่ำกว่า 18 ปี โทรฟรี ตลอด 24 ชั่วโมง',
      contacts: {
        website: 'https://childlinethailand.org',
        phone: { number: '1387', e164: null, country: 'TH', isShortCode: true },
        source: 'Child Helpline International; childlinethailand.org (H)',
        verifiedAt: '2026-03-01T00:00:00.000Z',
      },
    })
    const english = await sg.query(`{ program(id: "kh-internet-hotline-cambodia") { title(lang: "km") contacts { phone { e164 } } } }`)
    t.same(english.data.program, { title: 'Internet Hotline Cambodia', contacts: { phone: { e164: '+85592311511' } } }, 'falls back to English')
  })
})
