// The directory reports (hotlines and partners) through the gateway's report routes, against
// counts worked out by hand from the seeds. The stack's day is 2026-06-01: seeded contacts were
// checked on 2026-03-01 (92 days before), except Myanmar's two psychosocial lines (2021-02-01)
// and Tinkle Friend's two channels in Singapore (2014-01-01), so any staleness window from 93 days
// to five years (the default is 365) gives the same split.
import t from 'tap'
import { csvObjects, startReportStack } from './fixtures/reports.ts'

t.test('directory reports', async (t) => {
  const { request, tokens } = await startReportStack(t, ['hotlines', 'partners', 'governments'])
  const get = (path: string) => request('GET', path, tokens.secretariat)

  t.test('contact freshness per country', async (t) => {
    const res = await get('/reports/contact-freshness.json')
    t.equal(res.status, 200)
    const rows = res.json.data.contactFreshness
    const by = (country: string | null) => rows.find((r: any) => r.country === country)
    // Thailand: 3 emergency numbers, Saidek 1387, 1300 (two channels), ThaiHotline's form, TICAC's
    // website and its example escalation address (unconfirmed).
    t.match(by('TH'), { channels: 9, verified: 8, unverified: 1, stale: 0 })
    // Myanmar: police 199, and the two lines listed in 2021.
    t.match(by('MM'), { channels: 3, verified: 1, unverified: 0, stale: 2, oldestVerifiedAt: '2021-02-01T00:00:00.000Z' })
    // Singapore: 3 emergency numbers, NAVH, and Tinkle Friend's call and chat (2014).
    t.match(by('SG'), { channels: 6, verified: 4, unverified: 0, stale: 2, oldestVerifiedAt: '2014-01-01T00:00:00.000Z' })
    // Cambodia: 4 emergency numbers, 1280 (call, SMS, website, partners' admin line), Internet
    // Hotline Cambodia (form, phone), two law-enforcement example addresses.
    t.match(by('KH'), { channels: 12, verified: 10, unverified: 2, stale: 0 })
    t.match(by(null), { channels: 2, verified: 2, unverified: 0, stale: 0 }, 'the IWF portal and INHOPE, international')
    t.equal(rows.length, 13, 'eleven member states, the United States (CyberTipline), international')
    t.equal(rows.at(-1).country, null, 'international last')
    t.equal(rows.reduce((n: number, r: any) => n + r.stale, 0), 4)
    t.equal(rows.reduce((n: number, r: any) => n + r.channels, 0), 78)
    for (const r of rows) t.equal(r.verified + r.unverified + r.stale, r.channels, `${r.country}: every channel in one column`)
  })

  t.test('the freshness CSV reads back to the same numbers', async (t) => {
    const res = await get('/reports/contact-freshness.csv')
    t.equal(res.status, 200)
    t.equal(res.headers.get('content-disposition'), 'attachment; filename="contact-freshness.csv"')
    const rows = csvObjects(res.text)
    t.same(rows.find((r) => r.country === 'SG'), { country: 'SG', channels: '6', verified: '4', unverified: '0', stale: '2', oldestVerifiedAt: '2014-01-01T00:00:00.000Z' })
    t.equal(rows.at(-1)!.country, '', 'international: an empty country cell')
  })

  t.test('stale contacts, with country names from governments and flattened columns', async (t) => {
    const res = await get('/reports/stale-contacts.csv')
    t.equal(res.status, 200)
    t.equal(
      res.text.split('\r\n')[0],
      '\uFEFFcountry.code,country.name,hotline.id,hotline.name,hotline.kind,channel.id,channel.type,channel.display,channel.visibility,channel.source,verifiedAt,daysSinceVerified',
    )
    const rows = csvObjects(res.text)
    t.same(rows.map((r) => r['channel.id']).sort(), ['mm-mhpss-lines-mpt', 'mm-mhpss-lines-ooredoo', 'sg-tinkle-friend-call', 'sg-tinkle-friend-chat'])
    t.same(rows.map((r) => r['country.code']), ['MM', 'MM', 'SG', 'SG'], 'by country')
    const call = rows.find((r) => r['channel.id'] === 'sg-tinkle-friend-call')!
    t.equal(call['country.name'], 'Singapore')
    t.equal(call['daysSinceVerified'], '4534', '2014-01-01 to 2026-06-01: 12 years with 3 leap days, then 151 days')
    t.equal(rows.find((r) => r['channel.id'] === 'mm-mhpss-lines-ooredoo')!['daysSinceVerified'], '1946')
    t.match(call['channel.source'], /^Singapore Children's Society; tinklefriend\.sg \(H for the service; hours limited to weekdays in 2014, current hours UNCONFIRMED\)$/, 'a comma inside a quoted field')
    t.match(call['channel.display'], /^'\+65 1800/, 'a number starting with + stays text in a spreadsheet')
    const sg = await get('/reports/stale-contacts.json?country=SG')
    t.equal(sg.json.data.staleContacts.length, 2, 'the country variable from the query string')
  })

  t.test('partners per country by kind', async (t) => {
    const res = await get('/reports/partner-counts-by-country.csv')
    t.equal(res.status, 200)
    const rows = Object.fromEntries(csvObjects(res.text).map((r) => [r.country, r]))
    // Thailand: 6 ASEAN bodies + MSDHS + TICAC; Meta, Google, TikTok, Microsoft; ECPAT International,
    // Childline Thailand, the Internet Foundation; UNICEF EAPRO and UNODC.
    t.same(rows.TH, { country: 'TH', government: '8', techCompany: '4', civilSociety: '3', unAgency: '2', total: '17' })
    // The Philippines: 6 ASEAN bodies + CWC, DOJ-OCC, PICACC; the four companies; ECPAT International,
    // ECPAT Philippines, ABS-CBN Foundation, IJM; two UN agencies.
    t.same(rows.PH, { country: 'PH', government: '9', techCompany: '4', civilSociety: '4', unAgency: '2', total: '19' })
    t.same(rows.US, { country: 'US', government: '0', techCompany: '0', civilSociety: '2', unAgency: '0', total: '2' }, 'NCMEC and ICMEC')
    // Naming no country: INTERPOL; the Tech Coalition; INHOPE, WeProtect, Child Helpline International.
    t.same(rows[''], { country: '', government: '1', techCompany: '1', civilSociety: '3', unAgency: '0', total: '5' })
  })
})
