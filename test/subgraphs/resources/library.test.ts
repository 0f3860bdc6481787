import t from 'tap'
import { definition } from '../../../subgraphs/resources/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { ids, insertResource } from './fixtures/resources.ts'

const DH = ['kh', 'id', 'my', 'ph', 'th', 'vn'].map((c) => `disrupting-harm-${c}`)

// Search normalisation and tag prefixes are computed by SQL functions: check both storage drivers.
for (const driver of ['pglite', 'pg'] as const) t.test(`resource library (${driver})`, async (t) => {
  const sg = await startTestSubgraph(t, definition, { driver })
  const find = (filter: object) => sg.query(`query($f: ResourceFilter) { resources(filter: $f, first: 100) { totalCount nodes { id } } }`, { f: filter })

  t.test('each filter alone narrows the library to what matches it', async (t) => {
    const cases: Array<[object, string[]]> = [
      [{ kind: 'GUIDELINE' }, ['luxembourg-guidelines', 'weprotect-model-national-response']],
      [{ audience: 'CHILDREN' }, ['la-directory-essential-services']],
      [{ language: 'th' }, ['disrupting-harm-th']],
      [{ focusArea: 'rpa-2021-3' }, ['asean-rpa-coea-2021-2025', 'weprotect-model-national-response']],
      [{ country: 'th' }, ['asean-declaration-coea-2019', 'asean-rpa-coea-2021-2025', 'disrupting-harm-th']],
      [{ publisher: 'interpol' }, DH.slice().sort()],
      [{ publisher: 'weprotect' }, ['weprotect-framing-the-future', 'weprotect-model-national-response']],
      [{ text: 'luxembourg' }, ['luxembourg-guidelines']],
    ]
    for (const [filter, expected] of cases) {
      const res = await find(filter)
      t.notOk(res.errors, JSON.stringify(filter))
      t.same(ids(res), expected, JSON.stringify(filter))
      t.equal(res.data.resources.totalCount, expected.length, `totalCount for ${JSON.stringify(filter)}`)
    }
  })

  t.test('filters combine with AND', async (t) => {
    t.same(ids(await find({ country: 'TH', kind: 'RESEARCH' })), ['disrupting-harm-th'])
    t.same(ids(await find({ publisher: 'ecpat-international', country: 'VN', language: 'en' })), ['disrupting-harm-vn'])
    t.same(ids(await find({ audience: 'POLICYMAKERS', focusArea: 'rpa-2021-3', country: 'LA' })), ['asean-rpa-coea-2021-2025'])
    t.same(ids(await find({ text: 'disrupting harm', country: 'PH', audience: 'LAW_ENFORCEMENT' })), ['disrupting-harm-ph'])
    const none = await find({ kind: 'CAMPAIGN', country: 'TH' })
    t.same(ids(none), [])
    t.equal(none.data.resources.totalCount, 0)
  })

  t.test('a language filter matches the tag and every more specific tag', async (t) => {
    await insertResource(sg.db, { id: 'test-sg-leaflet', titles: [{ lang: 'en', value: 'Test leaflet for Singapore' }], languages: ['zh-Hans-SG', 'ms-SG'] })
    await insertResource(sg.db, { id: 'test-zh-booklet', titles: [{ lang: 'en', value: 'Test booklet in Chinese' }], languages: ['zh'] })
    t.same(ids(await find({ language: 'zh' })), ['test-sg-leaflet', 'test-zh-booklet'], '"zh" finds zh and zh-Hans-SG')
    t.same(ids(await find({ language: 'zh-Hans' })), ['test-sg-leaflet'], 'a script prefix matches too')
    t.same(ids(await find({ language: 'ZH-hans-sg' })), ['test-sg-leaflet'], 'tags are compared in canonical form')
    t.same(ids(await find({ language: 'zh-Hant' })), [], 'another script does not match')
    t.same(ids(await find({ language: 'ms' })), ['test-sg-leaflet'])
    t.same(ids(await find({ language: 'zh-Hans-SG' })), ['test-sg-leaflet'], 'a more specific tag does not match a broader one')
  })

  t.test('text search works in ASEAN scripts, not just English', async (t) => {
    await insertResource(sg.db, {
      id: 'test-grooming-guide',
      titles: [
        { lang: 'en', value: 'Test guide to online grooming' },
        { lang: 'th', value: 'คู่มือป้องกันการล่อลวงเด็กทางออนไลน์' },
        { lang: 'km', value: 'ការការពារកុមារតាមអនឡាញ' },
        { lang: 'lo', value: 'ການປົກປ້ອງເດັກທາງອອນລາຍ' },
        { lang: 'my', value: 'ကလေးသူငယ်များကို အွန်လိုင်းတွင် ကာကွယ်ခြင်း' },
        { lang: 'vi', value: 'Bảo vệ trẻ em trên không gian mạng' },
        { lang: 'zh-Hans-SG', value: '保护儿童上网安全' },
      ],
    })
    for (const text of ['ล่อลวงเด็ก', 'កុមារ', 'ເດັກ', 'ကလေး', 'trẻ em', 'TRE EM', 'không gian mạng', '儿童', 'GROOMING']) {
      t.same(ids(await find({ text })), ['test-grooming-guide'], `finds "${text}"`)
    }
    const thai = await sg.query(`{ resources(filter: { text: "ล่อลวง" }) { nodes { title(lang: "th-TH") } } }`)
    t.same(thai.data.resources.nodes, [{ title: 'คู่มือป้องกันการล่อลวงเด็กทางออนไลน์' }], 'the Thai title is served to a Thai reader')
    t.same(ids(await find({ text: 'ลูกเสือ' })), [], 'a Thai word that is not there finds nothing')
    t.same(ids(await find({ text: '%' })), ['disrupting-harm-ph', 'disrupting-harm-th', 'disrupting-harm-vn'], '"%" matches only texts with a percent sign')
    t.same(ids(await find({ text: '_' })), [], '"_" is no wildcard either')
  })

  t.test('pages through the library in a stable order without repeats or gaps', async (t) => {
    const all = ids(await find({}))
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const res: any = await sg.query(`query($after: String) { resources(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { after })
      t.notOk(res.errors)
      t.equal(res.data.resources.totalCount, all.length + (pages > 0 ? 1 : 0))
      seen.push(...res.data.resources.nodes.map((n: any) => n.id))
      after = res.data.resources.pageInfo.hasNextPage ? res.data.resources.pageInfo.endCursor : null
      // A resource added mid-way sorts before the cursor: it must neither shift nor repeat later pages.
      if (pages++ === 0) await insertResource(sg.db, { id: 'test-aaa-early', titles: [{ lang: 'en', value: 'AAA added while paging' }] })
    } while (after)
    t.equal(new Set(seen).size, seen.length, 'no resource twice')
    t.same(seen.slice().sort(), all, 'every resource that existed at the start, once')
  })
})
