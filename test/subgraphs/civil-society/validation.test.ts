import t from 'tap'
import { definition } from '../../../subgraphs/civil-society/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { aple, CREATE, programInput, secretariat, UPDATE } from './fixtures/programs.ts'

const pathsOf = (res: any) => res.errors?.[0]?.extensions?.violations?.map((v: any) => v.path).sort()

t.test('program input validation', async (t) => {
  const sg = await startTestSubgraph(t, definition, { seed: false })
  const counts = async () =>
    (await sg.db.query(`select (select count(*)::int from civil_society.program) as programs,
                               (select count(*)::int from civil_society.program_change) as changes`))[0]

  t.test('reports every violation at once, each with its path, and writes nothing', async (t) => {
    const before = await counts()
    const res = await sg.query(
      CREATE,
      {
        input: programInput({
          titles: [
            { lang: 'en', value: '   ' },
            { lang: 'en_US!', value: 'x'.repeat(201) },
            { lang: 'EN', value: 'Same language twice' },
          ],
          descriptions: [{ lang: 'km', value: 'd'.repeat(4001) }],
          countries: ['KH', 'XX', 'kh'],
          focusAreas: ['rpa-2021-8', 'rpa-2021-1'],
          harmTypes: ['child-pornography', 'csam'],
          status: 'ARCHIVED',
          startsOn: '2026-05-01',
          endsOn: '2026-04-30',
          contacts: { website: 'ftp://files.example.org', email: 'not-an-email', phone: '+855 12', source: 's'.repeat(301) },
        }),
      },
      aple,
    )
    t.equal(res.errors?.length, 1, 'one error carries them all')
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(pathsOf(res), [
      'input.contacts.email',
      'input.contacts.phone',
      'input.contacts.source',
      'input.contacts.website',
      'input.countries[1]',
      'input.descriptions[0].value',
      'input.endsOn',
      'input.focusAreas[0]',
      'input.harmTypes[0]',
      'input.status',
      'input.titles[0].value',
      'input.titles[1].lang',
      'input.titles[1].value',
      'input.titles[2].lang',
    ])
    const message = (path: string) => res.errors![0]!.extensions!.violations.find((v: any) => v.path === path).message
    t.match(message('input.focusAreas[0]'), /rpa-2021-1.*rpa-2021-7/, 'names the allowed focus areas')
    t.match(message('input.harmTypes[0]'), /csam.*sextortion.*misleading-content/, 'names the allowed harm types')
    t.match(message('input.titles[2].lang'), /input\.titles\[0\]\.lang/, 'a repeated language points to the first')
    t.match(message('input.status'), /archiveProgram/)
    t.match(res.errors![0]!.message, /input\.endsOn/)
    t.same(await counts(), before, 'nothing was written')
  })

  t.test('national short codes need their country; E.164 numbers do not', async (t) => {
    const multi = await sg.query(CREATE, { input: programInput({ countries: ['KH', 'TH'], contacts: { phone: '1387' } }) }, aple)
    t.same(pathsOf(multi), ['input.contacts.phone'])
    const named = await sg.query(CREATE, { input: programInput({ countries: ['KH', 'TH'], contacts: { phone: '1387', phoneCountry: 'TH' } }) }, aple)
    t.same(named.data.createProgram.contacts.phone, { number: '1387', e164: null, country: 'TH', isShortCode: true })
    const badCountry = await sg.query(CREATE, { input: programInput({ contacts: { phone: '012 345', phoneCountry: 'ZZ' } }) }, aple)
    t.ok(pathsOf(badCountry).includes('input.contacts.phoneCountry'))
  })

  t.test('an update is checked against the stored program, and a refused one writes nothing', async (t) => {
    const created = await sg.query(CREATE, { input: programInput() }, aple)
    const id = created.data.createProgram.id
    const before = await counts()
    const endsEarly = await sg.query(UPDATE, { id, v: 1, input: { endsOn: '2025-12-31' } }, aple)
    t.same(pathsOf(endsEarly), ['input.endsOn'], 'the new end is before the stored start')
    const startsLate = await sg.query(UPDATE, { id, v: 1, input: { startsOn: '2027-01-01' } }, aple)
    t.same(pathsOf(startsLate), ['input.startsOn'], 'the new start is after the stored end')
    const cleared = await sg.query(
      UPDATE,
      { id, v: 1, input: { titles: null, countries: [], status: null, contacts: { email: 'a@b', phoneCountry: 'TH' } } },
      aple,
    )
    t.same(pathsOf(cleared), ['input.contacts.email', 'input.contacts.phoneCountry', 'input.countries', 'input.status', 'input.titles'])
    t.same(await counts(), before, 'nothing was written')
    const program = await sg.query(`query($id: ID!) { program(id: $id) { version endsOn } }`, { id })
    t.same(program.data.program, { version: 1, endsOn: '2026-12-31' })
  })

  t.test('dates must exist in the calendar', async (t) => {
    const before = await counts()
    const res = await sg.query(CREATE, { input: programInput({ startsOn: '2026-02-30', endsOn: '2026-02-31' }) }, aple)
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.match(res.errors?.[0]?.message, /calendar date/)
    t.same(await counts(), before, 'nothing was written')
  })

  t.test('the Secretariat must name a well-formed owner', async (t) => {
    const missing = await sg.query(CREATE, { input: programInput({ titles: [] }) }, secretariat)
    t.same(pathsOf(missing), ['input.owner', 'input.titles'])
    const malformed = await sg.query(CREATE, { input: programInput({ owner: { id: 'Not An Id', kind: 'UN_AGENCY' } }) }, secretariat)
    t.same(pathsOf(malformed), ['input.owner.id'])
  })

  t.test('filters are checked too, all at once', async (t) => {
    const res = await sg.query(`{ programs(filter: { country: "ZZ", focusArea: "rpa-2030-1", harmType: "porn", owner: "A B" }) { totalCount } }`)
    t.same(pathsOf(res), ['filter.country', 'filter.focusArea', 'filter.harmType', 'filter.owner'])
    const cursor = await sg.query(`{ programs(after: "bm90LWEtY3Vyc29y") { totalCount } }`)
    t.equal(cursor.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const first = await sg.query(`{ programs(first: 1000) { totalCount } }`)
    t.equal(first.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
