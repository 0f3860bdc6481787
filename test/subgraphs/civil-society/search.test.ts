import t from 'tap'
import { definition } from '../../../subgraphs/civil-society/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { aple, CREATE, programInput, unicef } from './fixtures/programs.ts'

const childline = identity('civil_society', { org: 'childline-thailand' })
const SEARCH = `query($filter: ProgramFilter, $first: Int, $after: String) {
  programs(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id title } } }`

t.test('program search', async (t) => {
  const sg = await startTestSubgraph(t, definition)
  const create = async (who: typeof aple, input: Record<string, unknown>) => {
    const res = await sg.query(CREATE, { input: programInput(input) }, who)
    t.notOk(res.errors, 'created')
    return res.data.createProgram.id as string
  }
  const find = async (filter: Record<string, unknown>) => {
    const res = await sg.query(SEARCH, { filter, first: 100 })
    t.notOk(res.errors)
    return res.data.programs.nodes.map((n: any) => n.id) as string[]
  }

  const thai = await create(childline, {
    titles: [{ lang: 'en', value: 'Online grooming prevention' }, { lang: 'th', value: 'โครงการป้องกันการล่อลวงเด็กทางออนไลน์' }],
    countries: ['TH'], harmTypes: ['grooming'], audiences: ['CHILDREN', 'PARENTS'], contacts: null,
  })
  const vietnamese = await create(unicef, {
    titles: [{ lang: 'en', value: 'Child online protection in Viet Nam' }, { lang: 'vi', value: 'Chương trình bảo vệ trẻ em trên môi trường mạng' }],
    countries: ['VN'], focusAreas: ['rpa-2021-6'], harmTypes: ['sextortion'], audiences: ['TEACHERS'], contacts: null,
  })
  const khmer = await create(aple, { titles: [{ lang: 'km', value: 'ការការពារកុមារលើអ៊ីនធឺណិត' }], contacts: null })
  const lao = await create(identity('civil_society', { org: 'la-lyu' }), { titles: [{ lang: 'lo', value: 'ການປົກປ້ອງເດັກໃນອອນລາຍ' }], countries: ['LA'], contacts: null })
  const burmese = await create(unicef, { titles: [{ lang: 'my', value: 'အွန်လိုင်းပေါ်ရှိ ကလေးသူငယ်များကို ကာကွယ်ခြင်း' }], countries: ['MM'], contacts: null })

  t.test('finds Thai text inside words written without spaces', async (t) => {
    t.same(await find({ text: 'ล่อลวงเด็ก' }), [thai])
    t.same(await find({ text: 'สายเด็ก' }), ['th-saidek-1387'], 'the seeded Thai title')
    t.same(await find({ text: 'โทรฟรี' }), ['th-saidek-1387'], 'the seeded Thai description')
  })

  t.test('finds Vietnamese text however it is typed', async (t) => {
    t.same(await find({ text: 'bảo vệ trẻ em' }), [vietnamese])
    t.same(await find({ text: 'BẢO VỆ TRẺ EM' }), [vietnamese], 'in capitals')
    t.same(await find({ text: 'bảo vệ trẻ em'.normalize('NFD') }), [vietnamese], 'with decomposed diacritics (as some keyboards send them)')
    t.same(await find({ text: 'bao ve tre em' }), [vietnamese], 'without diacritics')
    t.same(await find({ text: 'mạng trẻ em' }), [vietnamese], 'words in any order')
    t.same(await find({ text: 'trẻ em mèo' }), [], 'every word must match')
  })

  t.test('finds Khmer, Lao and Burmese text', async (t) => {
    t.same(await find({ text: 'កុមារ' }), [khmer])
    t.same(await find({ text: 'ປົກປ້ອງເດັກ' }), [lao])
    t.same(await find({ text: 'ကလေးသူငယ်' }), [burmese])
  })

  t.test('the search can use the trigram index', async (t) => {
    const plan = await sg.db.transaction(async (tx) => {
      await tx.query('set local enable_seqscan = off')
      return tx.query<{ 'QUERY PLAN': string }>(`explain select id from civil_society.program where search_text like '%ล่อลวงเด็ก%'`)
    })
    t.match(plan.map((r) => r['QUERY PLAN']).join('\n'), /program_search/)
  })

  t.test('filters combine with text and with each other', async (t) => {
    t.same(await find({ country: 'TH', harmType: 'grooming' }), [thai])
    t.same(await find({ owner: 'childline-thailand', audience: 'PARENTS' }), [thai])
    t.same(await find({ country: 'VN', focusArea: 'rpa-2021-6', text: 'trẻ em' }), [vietnamese])
    t.same(await find({ owner: 'unicef-eapro' }), ['asean-ict-forum-support', vietnamese, burmese], 'oldest listing first')
    t.same(await find({ status: ['ENDED'] }), [])
    t.ok((await find({ text: 'grooming' })).includes(thai), 'English translations are searched too')
  })

  t.test('pages without repeats or gaps while programs are added', async (t) => {
    const original: string[] = []
    for (let i = 0; i < 7; i++) original.push(await create(aple, { titles: [{ lang: 'en', value: `Paging probe ${i}` }], contacts: null }))
    const added: string[] = []
    const seen: string[] = []
    let after: string | null = null
    let firstTotal: number | null = null
    do {
      const res: any = await sg.query(SEARCH, { filter: { text: 'paging probe' }, first: 3, after })
      t.notOk(res.errors)
      firstTotal ??= res.data.programs.totalCount
      seen.push(...res.data.programs.nodes.map((n: any) => n.id))
      after = res.data.programs.pageInfo.hasNextPage ? res.data.programs.pageInfo.endCursor : null
      // Someone lists a new program between two pages.
      if (after && added.length < 3) added.push(await create(aple, { titles: [{ lang: 'en', value: `Paging probe added ${added.length}` }], contacts: null }))
    } while (after)
    t.equal(firstTotal, 7)
    t.equal(new Set(seen).size, seen.length, 'no program twice')
    t.same(seen.slice(0, 7), original, 'every program that existed, once, in listing order')
    t.same(seen.slice(7), added, 'programs added meanwhile come at the end')
  })

  t.test('updatedAfter keeps the programs changed at or after an instant', async (t) => {
    await sg.db.query(`update civil_society.program set updated_at = '2025-01-01T00:00:00Z'`)
    await sg.db.query(`update civil_society.program set updated_at = '2026-03-01T00:00:00Z' where id = $1`, [thai])
    t.same(await find({ updatedAfter: '2026-03-01T00:00:00Z' }), [thai], 'at the instant')
    t.same(await find({ updatedAfter: '2026-03-01T00:00:00.001Z' }), [], 'not before it')
    t.ok((await find({ updatedAfter: '2024-12-31T23:59:59Z' })).length > 3, 'all of them from before every change')
    const bad = await sg.query(SEARCH, { filter: { updatedAfter: 'last week' } })
    t.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
