import t from 'tap'
import { buildSubgraphApp } from '../../../subgraphs/common/app.ts'
import { gatewayTokenVerifier } from '../../../subgraphs/common/identity.ts'
import { definition } from '../../../subgraphs/governments/app.ts'
import { gatewayKeys, identity, signForSubgraph } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

// A fixed "now" after Timor-Leste's accession, so "today" answers do not depend on the test date.
const clock = () => new Date('2026-03-01T12:00:00Z')

t.test('governments subgraph: countries', async (t) => {
  const sg = await startTestSubgraph(t, definition, { clock })

  t.test('counts ASEAN membership from the day a country joined', async (t) => {
    const before = await sg.query(`{ countries(aseanOnly: true, asOf: "2024-06-30") { code } }`)
    t.notOk(before.errors)
    const codes2024 = before.data.countries.map((c: any) => c.code)
    t.equal(codes2024.length, 10)
    t.notOk(codes2024.includes('TL'), 'a 2024 report does not count Timor-Leste')

    const onTheDay = await sg.query(`{ countries(asOf: "2025-10-26") { code } }`)
    t.ok(onTheDay.data.countries.some((c: any) => c.code === 'TL'), 'Timor-Leste counts from 26 October 2025')
    t.equal(onTheDay.data.countries.length, 11)
    const dayBefore = await sg.query(`{ countries(asOf: "2025-10-25") { code } }`)
    t.equal(dayBefore.data.countries.length, 10)

    const tl = await sg.query(`{ country(code: "TL") {
      aseanMembership { joinedOn } mid2024: aseanMember(asOf: "2024-06-30") joined: aseanMember(asOf: "2025-10-26") today: aseanMember } }`)
    t.same(tl.data.country, { aseanMembership: { joinedOn: '2025-10-26' }, mid2024: false, joined: true, today: true })

    const founders = await sg.query(`{ countries(aseanOnly: true, asOf: "1967-08-08") { code } }`)
    t.same(founders.data.countries.map((c: any) => c.code), ['ID', 'MY', 'PH', 'SG', 'TH'])
    const cambodia = await sg.query(`{ before: countries(asOf: "1999-04-29") { code } after: countries(asOf: "1999-04-30") { code } }`)
    t.notOk(cambodia.data.before.some((c: any) => c.code === 'KH'))
    t.ok(cambodia.data.after.some((c: any) => c.code === 'KH'))
  })

  t.test('a clock before the accession leaves Timor-Leste out of "today"', async (t) => {
    // Same database, another clock.
    const early = await buildSubgraphApp(definition, {
      db: sg.db,
      verifyIdentity: gatewayTokenVerifier('governments', { key: gatewayKeys.publicKey }),
      clock: () => new Date('2024-06-30T00:00:00Z'),
    })
    t.teardown(() => early.close())
    const query = `{ countries(aseanOnly: true) { code } country(code: "TL") { aseanMember aseanMembership { joinedOn } } }`
    const token = await signForSubgraph('governments', identity('public'))
    const reply = await early.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${token}` }, payload: { query } })
    const res = reply.json()
    t.notOk(res.data.countries.some((c: any) => c.code === 'TL'))
    t.same(res.data.country, { aseanMember: false, aseanMembership: null })
  })

  t.test('lists all eleven member states by ISO name, with their codes, zones and languages', async (t) => {
    const res = await sg.query(`{ countries { code alpha3 numericCode name callingCode trunkPrefix timeZones officialLanguages } }`)
    t.notOk(res.errors)
    t.same(
      res.data.countries.map((c: any) => c.name),
      ['Brunei Darussalam', 'Cambodia', 'Indonesia', "Lao People's Democratic Republic", 'Malaysia', 'Myanmar', 'Philippines', 'Singapore', 'Thailand', 'Timor-Leste', 'Viet Nam'],
    )
    const by = Object.fromEntries(res.data.countries.map((c: any) => [c.code, c]))
    t.same(by.BN, { code: 'BN', alpha3: 'BRN', numericCode: '096', name: 'Brunei Darussalam', callingCode: '+673', trunkPrefix: null, timeZones: ['Asia/Brunei'], officialLanguages: ['ms-BN'] })
    t.equal(by.ID.timeZones.length, 4, 'Indonesia has four time zones')
    t.same(by.MY.timeZones, ['Asia/Kuala_Lumpur', 'Asia/Kuching'])
    t.same(by.SG.officialLanguages, ['en-SG', 'ms-SG', 'zh-Hans-SG', 'ta-SG'])
    t.same(by.PH.officialLanguages, ['fil-PH', 'en-PH'])
    t.equal(by.TL.callingCode, '+670')
    t.equal(by.VN.trunkPrefix, '0')
  })

  t.test('names countries in their own languages and falls back to the ISO name', async (t) => {
    const res = await sg.query(`{ th: country(code: "TH") { name(lang: "th") } vn: country(code: "VN") { name(lang: "vi-VN") }
      sg: country(code: "SG") { name(lang: "zh-Hans-SG") } la: country(code: "LA") { name(lang: "ja") } }`)
    t.same(res.data, { th: { name: 'ไทย' }, vn: { name: 'Việt Nam' }, sg: { name: '新加坡' }, la: { name: "Lao People's Democratic Republic" } })
  })

  t.test('gives emergency numbers, naming the service only where a source does', async (t) => {
    const res = await sg.query(`{ bn: country(code: "BN") { emergencyNumbers { number service source } }
      th: country(code: "TH") { emergencyNumbers { number service } } }`)
    t.same(res.data.bn.emergencyNumbers.map((n: any) => [n.number, n.service]), [['991', null], ['993', 'POLICE'], ['995', null]])
    t.ok(res.data.bn.emergencyNumbers.every((n: any) => n.source.includes('libphonenumber')))
    t.same(res.data.th.emergencyNumbers, [
      { number: '1669', service: 'AMBULANCE' },
      { number: '191', service: 'POLICE' },
      { number: '199', service: null },
    ])
  })

  t.test('records laws, including that RA 9775 was repealed by RA 11930', async (t) => {
    const res = await sg.query(`{ country(code: "PH") { laws { id year inForce repealedBy summary source } } }`)
    const laws = res.data.country.laws
    t.same(laws.map((l: any) => l.id), ['ph-ra-11930', 'ph-ra-9775'], 'newest first')
    t.same([laws[1].inForce, laws[1].repealedBy], [false, 'Republic Act No. 11930'])
    t.ok(laws[0].inForce)
    t.match(laws[0].summary, /NCC|National Coordination Center/)
    const none = await sg.query(`{ country(code: "SG") { laws { id } } }`)
    t.same(none.data.country.laws, [], 'no law is invented where the sources name none')
  })

  t.test('resolves non-member codes used by partners as outlines, without invented facts', async (t) => {
    const res = await sg.query(`{ country(code: "au") { code name callingCode alpha3 timeZones aseanMember aseanMembership { joinedOn } source agencies { id } } }`)
    t.notOk(res.errors)
    t.same(res.data.country, {
      code: 'AU', name: 'Australia', callingCode: '+61', alpha3: null, timeZones: [], aseanMember: false, aseanMembership: null,
      source: res.data.country.source, agencies: [{ id: 'au-esafety' }],
    })
    t.match(res.data.country.source, /not a directory record/)
  })

  t.test('bad input gets a coded error naming what is allowed', async (t) => {
    for (const code of ['XX', 'THA', "TH'; drop table x"]) {
      const res = await sg.query(`query($c: String!) { country(code: $c) { code } }`, { c: code })
      t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', code)
      t.match(res.errors?.[0]?.message, /BN, KH, ID, LA, MY, MM, PH, SG, TH, VN, TL/)
    }
    for (const asOf of ['2024-02-30', '30/06/2024']) {
      const date = await sg.query(`query($d: Date) { countries(asOf: $d) { code } country(code: "TL") { aseanMember(asOf: $d) } }`, { d: asOf })
      t.equal(date.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', asOf)
    }
    const member = await sg.query(`{ country(code: "TL") { aseanMember(asOf: "2025-02-29") } }`)
    t.equal(member.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const contradiction = await sg.query(`{ countries(aseanOnly: false, asOf: "2024-01-01") { code } }`)
    t.equal(contradiction.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const lang = await sg.query(`{ country(code: "TH") { name(lang: "th_TH!") } }`)
    t.equal(lang.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
