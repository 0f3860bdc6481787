import t from 'tap'
import { ASEAN_MEMBER_CODES } from '../../../subgraphs/common/countries.ts'
import { PARTNER_IDS } from '../../../subgraphs/partners/seed.ts'
import { hotlinesDefinition } from '../../../subgraphs/hotlines/app.ts'
import { SERVICES } from '../../../subgraphs/hotlines/seed.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

t.test('seed: operators are registered partners and every member state has its emergency numbers', async (t) => {
  const operators = SERVICES.map((s) => s.operator).filter((id): id is string => id !== null)
  t.same(operators.filter((id) => !PARTNER_IDS.includes(id)), [], 'no operator missing from the partner registry')
  for (const code of ASEAN_MEMBER_CODES) t.ok(SERVICES.some((s) => s.kind === 'EMERGENCY' && s.country === code), `${code} has emergency numbers`)
  t.notOk(SERVICES.some((s) => s.country === 'BN' && s.channels.some((c) => c.value === '145')), 'Brunei 145 is not the child line')
})

t.test('federation', async (t) => {
  const sg = await startTestSubgraph(t, hotlinesDefinition({ staleAfterDays: 180 }), { clock: () => new Date('2026-06-01T03:00:00Z') })

  t.test('_entities resolves Hotline, HarmType, Partner and Country in key order', async (t) => {
    const res = await sg.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename
         ... on Hotline { id name(lang: "th") operator { id } harmTypes { code } }
         ... on HarmType { code label(lang: "vi") }
         ... on Partner { id hotlines { id kind } }
         ... on Country { code hotlines(kind: CHILD_HELPLINE) { id } } } }`,
      {
        r: [
          { __typename: 'Hotline', id: 'th-saidek-1387' },
          { __typename: 'HarmType', code: 'csam' },
          { __typename: 'Partner', id: 'aple-cambodia' },
          { __typename: 'Country', code: 'PH' },
          { __typename: 'Hotline', id: 'no-such-hotline' },
          { __typename: 'Partner', id: 'meta' },
        ],
      },
    )
    t.notOk(res.errors, JSON.stringify(res.errors))
    const [saidek, csam, aple, ph, none, meta] = res.data._entities
    t.match(saidek, { __typename: 'Hotline', id: 'th-saidek-1387', name: 'สายเด็ก 1387', operator: { id: 'childline-thailand' } })
    t.equal(saidek.harmTypes.length, 12)
    t.same(csam, { __typename: 'HarmType', code: 'csam', label: 'Tài liệu xâm hại tình dục trẻ em' })
    t.same(aple, { __typename: 'Partner', id: 'aple-cambodia', hotlines: [{ id: 'kh-internet-hotline', kind: 'REPORTING_HOTLINE' }] })
    t.same(ph, { __typename: 'Country', code: 'PH', hotlines: [{ id: 'ph-makabata-1383' }, { id: 'ph-bantay-bata-163' }] })
    t.equal(none, null)
    t.same(meta, { __typename: 'Partner', id: 'meta', hotlines: [] })
  })

  t.test('many entities cost one statement per kind of data, not one per entity', async (t) => {
    const ids = ['th-saidek-1387', 'vn-111', 'kh-chc-1280', 'la-lyu-1554', 'ph-makabata-1383', 'my-talian-kasih-15999', 'id-sapa-129', 'bn-talian-anak-121']
    const statements: string[] = []
    sg.db.onQuery = (text) => statements.push(text)
    const res = await sg.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Hotline { id channels { id hotline { id } } harmTypes { code } country { code } } } }`,
      { r: ids.map((id) => ({ __typename: 'Hotline', id })) },
    )
    sg.db.onQuery = undefined
    t.notOk(res.errors)
    t.same(res.data._entities.map((e: any) => e.id), ids)
    t.ok(res.data._entities.every((e: any) => e.channels.length > 0))
    t.equal(statements.length, 4, `hotlines, channels, harm codes, harm types: ${statements.length} statements`)
  })

  t.test('the harm types carry labels, national legal terms and crosswalks', async (t) => {
    const res = await sg.query(`{ harmTypes { code label(lang: "fil") labels { lang } nationalTerms { country { code } term law } crosswalk { scheme term } } }`)
    const byCode = new Map(res.data.harmTypes.map((h: any) => [h.code, h]))
    t.same([...byCode.keys()], ['csam', 'csam-ai', 'grooming', 'sextortion', 'livestream', 'self-generated', 'nci-sharing', 'trafficking-sexual', 'sectt', 'obscene-to-child', 'sexualised-cyberbullying', 'misleading-content'])
    t.match(byCode.get('csam'), { label: 'Child sexual abuse material (CSAM)', nationalTerms: [{ country: { code: 'PH' }, term: 'CSAEM', law: /RA|Republic Act 11930/ }] })
    t.match(byCode.get('livestream'), { nationalTerms: [{ term: 'OSAEC' }] })
    t.ok((byCode.get('sextortion') as any).crosswalk.some((c: any) => c.scheme === 'INHOPE'))
    t.same((byCode.get('csam') as any).labels.map((l: any) => l.lang), ['en', 'th', 'vi', 'id'])
    const one = await sg.query(`{ harmType(code: "grooming") { label(lang: "id-ID") } missing: harmType(code: "porn") { code } }`)
    t.same(one.data, { harmType: { label: 'Bujuk rayu anak secara daring untuk tujuan seksual (grooming)' }, missing: null })
  })

  t.test('country listings include international portals run for that country', async (t) => {
    const res = await sg.query(`{ hotlines(country: "ID", kind: REPORTING_HOTLINE) { id country { code } servesCountries { code } } }`)
    t.same(res.data.hotlines, [{ id: 'iwf-portal-id', country: null, servesCountries: [{ code: 'ID' }] }])
    const languages = await sg.query(`{ hotline(id: "la-lyu-1554") { languages } navh: hotline(id: "sg-navh") { languages } }`)
    t.same(languages.data, { hotline: { languages: ['lo', 'hmn'] }, navh: { languages: ['en', 'zh', 'ms', 'ta'] } })
    const bad = await sg.query(`{ hotline(id: "DROP TABLE") { id } }`)
    t.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
