import t from 'tap'
import { definition } from '../../../subgraphs/civil-society/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { aple, ARCHIVE, CHANGES, CREATE, ecpatPhilippines, programInput, secretariat, unicef, UPDATE } from './fixtures/programs.ts'

t.test('program writes', async (t) => {
  const sg = await startTestSubgraph(t, definition)
  const create = async (who = aple, extra = {}) => {
    const res = await sg.query(CREATE, { input: programInput(extra) }, who)
    t.notOk(res.errors, 'created')
    return res.data.createProgram
  }
  const changeRows = async (id: string) =>
    (await sg.db.query<{ n: number }>('select count(*)::int as n from civil_society.program_change where entity_id = $1', [id]))[0]!.n

  t.test('an NGO lists, edits and archives its own program', async (t) => {
    const p = await create()
    t.match(p, {
      version: 1,
      status: 'ACTIVE',
      title: 'Online safety sessions for schools',
      owner: { __typename: 'CivilSocietyOrganisation', id: 'aple-cambodia' },
      countries: [{ code: 'KH' }],
      harmTypes: [{ code: 'grooming' }, { code: 'sextortion' }],
      startsOn: '2026-01-15',
      contacts: { email: 'schools@example.org', phone: { number: '+85592311511', e164: '+85592311511', country: 'KH', isShortCode: false } },
    })
    t.match(p.contacts.source, /aple-cambodia/, 'contacts entered without a source are attributed to the organisation')
    t.match(p.id, /^online-safety-sessions-for-schools-[0-9a-f]{8}$/)

    const ended = await sg.query(UPDATE, { id: p.id, v: 1, input: { status: 'ENDED', endsOn: '2026-06-30' } }, aple)
    t.notOk(ended.errors)
    t.match(ended.data.updateProgram, { version: 2, status: 'ENDED', endsOn: '2026-06-30', startsOn: '2026-01-15', title: p.title, contacts: p.contacts })
    t.same(ended.data.updateProgram.audiences, ['CHILDREN', 'TEACHERS'], 'fields not given are left alone')

    // Twice, so the second request runs the compiled (JIT) query as well.
    let version = 2
    for (const email of [null, 'help@example.org']) {
      const res = await sg.query(UPDATE, { id: p.id, v: version, input: { contacts: { email } } }, aple)
      t.notOk(res.errors)
      version = res.data.updateProgram.version
      t.equal(res.data.updateProgram.contacts.email, email, `email set to ${email}`)
      t.equal(res.data.updateProgram.contacts.website, 'https://example.org/schools', 'website untouched')
      t.equal(res.data.updateProgram.contacts.phone.e164, '+85592311511', 'phone untouched')
    }
    t.equal(version, 4)

    const same = await sg.query(UPDATE, { id: p.id, v: 4, input: { status: 'ENDED', countries: ['KH'] } }, aple)
    t.equal(same.data.updateProgram.version, 4, 'a write that changes nothing leaves the version alone')

    const archived = await sg.query(ARCHIVE, { id: p.id, v: 4 }, aple)
    t.same(archived.data.archiveProgram, { id: p.id, version: 5, status: 'ARCHIVED' })

    const log = await sg.query(CHANGES, { id: p.id }, aple)
    t.notOk(log.errors)
    const changes = log.data.program.changes
    t.same(changes.map((c: any) => c.version), [1, 2, 3, 4, 5], 'one entry per accepted write')
    t.same(changes[1].fields.map((f: any) => f.field).sort(), ['endsOn', 'status'])
    t.match(changes[1], { actorSub: 'test-civil_society', actorOrg: 'aple-cambodia' })
    t.same(changes[1].fields.find((f: any) => f.field === 'status'), { field: 'status', oldValue: '"ACTIVE"', newValue: '"ENDED"' })
    t.same(changes[2].fields.map((f: any) => [f.field, f.newValue]), [['contacts.email', null]], 'clearing is logged as a change to null')
    t.same(changes[4].fields, [{ field: 'status', oldValue: '"ENDED"', newValue: '"ARCHIVED"' }])
    t.ok(changes[0].fields.some((f: any) => f.field === 'owner' && JSON.parse(f.newValue).id === 'aple-cambodia'), 'creation records the owner')
  })

  t.test('a UN agency writes its own programs; the Secretariat writes for a named owner', async (t) => {
    const un = await create(unicef, { countries: ['TH', 'VN'], contacts: null })
    t.same(un.owner, { __typename: 'UnAgency', id: 'unicef-eapro' })
    t.equal(un.contacts.source, null, 'no contacts, no source')

    const unnamed = await sg.query(CREATE, { input: programInput() }, secretariat)
    t.equal(unnamed.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(unnamed.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.owner'])

    const named = await create(secretariat, { owner: { id: 'la-lwu', kind: 'CIVIL_SOCIETY' }, countries: ['LA'] })
    t.same(named.owner, { __typename: 'CivilSocietyOrganisation', id: 'la-lwu' })

    const edited = await sg.query(UPDATE, { id: 'th-saidek-1387', v: 1, input: { audiences: ['CHILDREN', 'PARENTS'] } }, secretariat)
    t.notOk(edited.errors)
    t.equal(edited.data.updateProgram.version, 2)
    t.same(edited.data.updateProgram.titles.find((x: any) => x.lang === 'th'), { lang: 'th', value: 'สายเด็ก 1387' })
  })

  t.test('another organisation may not touch a program, and nothing is written', async (t) => {
    const p = await create()
    const attempts = [
      await sg.query(UPDATE, { id: p.id, v: 1, input: { status: 'ENDED' } }, ecpatPhilippines),
      await sg.query(ARCHIVE, { id: p.id, v: 1 }, ecpatPhilippines),
      await sg.query(UPDATE, { id: p.id, v: 1, input: { status: 'ENDED' } }, unicef),
      // Same organisation id, wrong kind of organisation.
      await sg.query(ARCHIVE, { id: 'asean-ict-forum-support', v: 1 }, identity('civil_society', { org: 'unicef-eapro' })),
    ]
    for (const res of attempts) {
      t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN')
      t.equal(res.data, null)
    }
    t.match(attempts[0]!.errors![0]!.message, /belongs to "aple-cambodia".*you act for "ecpat-philippines"/)
    const foreignOwner = await sg.query(CREATE, { input: programInput({ owner: { id: 'aple-cambodia', kind: 'CIVIL_SOCIETY' } }) }, ecpatPhilippines)
    t.equal(foreignOwner.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.match(foreignOwner.errors?.[0]?.message, /act for "ecpat-philippines"/)

    const after = await sg.query(`query($id: ID!) { program(id: $id) { version status } }`, { id: p.id }, aple)
    t.same(after.data.program, { version: 1, status: 'ACTIVE' })
    t.equal(await changeRows(p.id), (await sg.query(CHANGES, { id: p.id }, aple)).data.program.changes[0].fields.length, 'only the creation is logged')
  })

  t.test('roles without write rights are refused', async (t) => {
    const p = await create()
    const before = await sg.db.query<{ n: number }>('select count(*)::int as n from civil_society.program')
    const outsiders = [
      identity('public'),
      identity('government', { org: 'th-msdhs', country: 'TH' }),
      identity('tech_company', { org: 'meta', verified: true }),
      identity('civil_society'),
    ]
    for (const who of outsiders) {
      for (const [query, variables] of [
        [CREATE, { input: programInput() }],
        [UPDATE, { id: p.id, v: 1, input: { status: 'ENDED' } }],
        [ARCHIVE, { id: p.id, v: 1 }],
      ] as const) {
        const res = await sg.query(query, variables, who)
        t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${who.role}${who.org ? '' : ' without an organisation'} is refused`)
      }
    }
    t.match((await sg.query(CREATE, { input: programInput() }, identity('government', { org: 'th-msdhs' }))).errors?.[0]?.message, /role "government"/)
    t.same(await sg.db.query('select count(*)::int as n from civil_society.program'), before, 'no program was added')
    t.equal((await sg.query(`query($id: ID!) { program(id: $id) { version } }`, { id: p.id })).data.program.version, 1)
  })

  t.test('a stale version gets CONFLICT with the current version, and nothing is written', async (t) => {
    const p = await create()
    t.notOk((await sg.query(UPDATE, { id: p.id, v: 1, input: { status: 'PLANNED' } }, aple)).errors)
    const stale = await sg.query(UPDATE, { id: p.id, v: 1, input: { titles: [{ lang: 'en', value: 'Overwritten?' }] } }, aple)
    t.equal(stale.errors?.[0]?.extensions?.code, 'CONFLICT')
    t.equal(stale.errors?.[0]?.extensions?.currentVersion, 2)
    t.equal(stale.errors?.[0]?.extensions?.expectedVersion, 1)
    t.match(stale.errors?.[0]?.message, /version 2/)
    const staleArchive = await sg.query(ARCHIVE, { id: p.id, v: 1 }, aple)
    t.equal(staleArchive.errors?.[0]?.extensions?.currentVersion, 2)
    const now = await sg.query(`query($id: ID!) { program(id: $id) { version status title } }`, { id: p.id })
    t.same(now.data.program, { version: 2, status: 'PLANNED', title: 'Online safety sessions for schools' })
  })

  t.test('writing a program that does not exist is NOT_FOUND', async (t) => {
    const res = await sg.query(UPDATE, { id: 'no-such-program', v: 1, input: { status: 'ENDED' } }, aple)
    t.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND')
    const bad = await sg.query(ARCHIVE, { id: "x'; drop table", v: 1 }, aple)
    t.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
