import t from 'tap'
import { hotlinesDefinition } from '../../../subgraphs/hotlines/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const STAFF = identity('secretariat', { org: 'asean-secretariat' })
const VERIFIED_COMPANY = identity('tech_company', { verified: true, org: 'tiktok' })

t.test('contact channels', async (t) => {
  // A clock the tests move: 1 June 2026, 10:00 in Bangkok, unless a test says otherwise.
  let now = new Date('2026-06-01T03:00:00Z')
  const sg = await startTestSubgraph(t, hotlinesDefinition({ staleAfterDays: 180 }), { clock: () => now })
  t.afterEach(async () => {
    now = new Date('2026-06-01T03:00:00Z')
  })

  t.test('restricted and partner channels are refused to the public and shown to those allowed', async (t) => {
    const q = `{ hotline(id: "th-ticac") { channels { type value } escalationChannels { value label visibility verified } } }`
    const anonymous = await sg.query(q)
    t.same(anonymous.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]), [['FORBIDDEN', 'hotline.escalationChannels']])
    t.notMatch(JSON.stringify(anonymous), /example\.org/)
    const unverified = await sg.query(q, {}, identity('tech_company', { verified: false }))
    t.equal(unverified.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'an unverified tech company is refused too')
    const ngo = await sg.query(q, {}, identity('civil_society', { org: 'ecpat-international' }))
    t.equal(ngo.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const company = await sg.query(q, {}, VERIFIED_COMPANY)
    t.notOk(company.errors)
    t.same(company.data.hotline.escalationChannels, [
      { value: 'th-ticac.escalation@example.org', label: "Example only: placeholder for the unit's escalation contact, not a real address", visibility: 'RESTRICTED', verified: false },
    ])
    t.same(company.data.hotline.channels, [{ type: 'WEBSITE', value: 'https://ticac.police.go.th' }])

    const admin = `{ hotline(id: "kh-chc-1280") { partnerChannels { display visibility openNow } } }`
    t.equal((await sg.query(admin)).errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const partner = await sg.query(admin, {}, identity('civil_society'))
    t.same(partner.data.hotline.partnerChannels, [{ display: '+855 23 224 841', visibility: 'PARTNERS', openNow: null }])
  })

  t.test('every restricted seed channel is an example.org placeholder that says so', async (t) => {
    const res = await sg.query(`{ hotlines(kind: LAW_ENFORCEMENT) { id country { code } escalationChannels { value label source } } }`, {}, STAFF)
    t.notOk(res.errors)
    const units = res.data.hotlines
    t.same(units.map((u: any) => u.id).sort(), ['id-polri-ppa-ppo', 'kh-ahtjpd', 'kh-anti-cyber-crime', 'my-pdrm-micac', 'ph-picacc', 'th-ticac', 'tl-pntl-vpu', 'vn-mps-cyber'])
    for (const unit of units) {
      t.ok(unit.escalationChannels.length > 0, unit.id)
      for (const c of unit.escalationChannels) t.match(c, { value: /@example\.org$/, label: /^Example only/, source: /^Example only/ })
    }
  })

  t.test('staff add channels: short codes stay national, full numbers become E.164', async (t) => {
    const add = `mutation($id: ID!, $input: ContactChannelInput!) { addContactChannel(hotlineId: $id, input: $input) {
      id type value display e164 dialableIn { code } languages visibility scheduleInherited verified verifiedAt stale } }`
    const short = await sg.query(add, { id: 'th-saidek-1387', input: { type: 'SMS', value: '1387', source: 'test', languages: ['TH'] } }, STAFF)
    t.notOk(short.errors)
    // Entered without a check: unverified and stale until someone confirms it.
    t.match(short.data.addContactChannel, { type: 'SMS', value: '1387', display: '1387', e164: null, dialableIn: { code: 'TH' }, languages: ['th'], visibility: 'PUBLIC', scheduleInherited: true, verified: false, verifiedAt: null, stale: true })
    const checked = await sg.query(add, { id: 'th-saidek-1387', input: { type: 'WEBSITE', value: 'https://example.org/saidek', source: 'test', verified: true } }, STAFF)
    t.match(checked.data.addContactChannel, { verified: true, verifiedAt: now.toISOString(), stale: false }, 'entered as checked: verified now')
    const national = await sg.query(add, { id: 'kh-internet-hotline', input: { type: 'PHONE', value: '092 311 511', source: 'test' } }, STAFF)
    t.match(national.data.addContactChannel, { value: '+85592311511', e164: '+85592311511', display: '+855 92 311 511', dialableIn: null, languages: ['km'] })
    const abroad = await sg.query(add, { id: 'iwf-portal-id', input: { type: 'WHATSAPP', value: '+62 811-1129-129', source: 'test' } }, STAFF)
    t.match(abroad.data.addContactChannel, { e164: '+628111129129', display: '+62 811 1129 129' })
  })

  t.test('invalid channels are refused with every violation and its path', async (t) => {
    const add = `mutation($input: ContactChannelInput!) { addContactChannel(hotlineId: "th-saidek-1387", input: $input) { id } }`
    const bad = await sg.query(
      add,
      {
        input: {
          type: 'PHONE',
          value: '+66 12',
          source: '',
          languages: ['th', 'not a tag!'],
          schedule: { timeZone: 'Asia/Bangkok', intervals: [{ day: 'MONDAY', opens: '25:00', closes: '17:00' }] },
        },
      },
      STAFF,
    )
    t.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(bad.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.value', 'input.languages[1]', 'input.source', 'input.schedule.intervals[0].opens'])
    t.match(bad.errors?.[0]?.extensions?.violations[0].message, /not a valid number for TH/)
    const shortAsPhone = await sg.query(add, { input: { type: 'PHONE', value: '1387', source: 'test' } }, STAFF)
    t.match(shortAsPhone.errors?.[0]?.extensions?.violations, [{ path: 'input.value', message: /national short code: use SHORT_CODE/ }])
    const notTollFree = await sg.query(add, { input: { type: 'TOLL_FREE', value: '+66 99 130 1300', source: 'test' } }, STAFF)
    t.match(notTollFree.errors?.[0]?.extensions?.violations, [{ path: 'input.value', message: /not a toll-free number in TH \(libphonenumber says MOBILE\)/ }])
    const whatsappShort = await sg.query(add, { input: { type: 'WHATSAPP', value: '1387', source: 'test' } }, STAFF)
    t.equal(whatsappShort.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const zone = await sg.query(add, { input: { type: 'SHORT_CODE', value: '1387', source: 'test', schedule: { timeZone: 'Asia/Siam', alwaysOpen: true } } }, STAFF)
    t.match(zone.errors?.[0]?.extensions?.violations, [{ path: 'input.schedule.timeZone', message: /IANA time zone/ }])
    const company = await sg.query(add, { input: { type: 'SHORT_CODE', value: '1387', source: 'test' } }, VERIFIED_COMPANY)
    t.equal(company.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'only staff maintain channels')
  })

  t.test("a channel's own hours decide openNow in its own zone, at the request's time", async (t) => {
    const add = `mutation($input: ContactChannelInput!) { addContactChannel(hotlineId: "id-sapa-129", input: $input) { id openNow scheduleInherited schedule { timeZone intervals { day opens closes } } } }`
    const hours = (timeZone: string) => ({ timeZone, intervals: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens: '09:00', closes: '17:00' })) })
    const jakarta = await sg.query(add, { input: { type: 'EMAIL', value: 'desk-west@example.org', source: 'test', schedule: hours('Asia/Jakarta') } }, STAFF)
    const jayapura = await sg.query(add, { input: { type: 'EMAIL', value: 'desk-east@example.org', source: 'test', schedule: hours('Asia/Jayapura') } }, STAFF)
    t.notOk(jakarta.errors)
    t.match(jakarta.data.addContactChannel, { openNow: true, scheduleInherited: false, schedule: { timeZone: 'Asia/Jakarta' } })
    const ids = [jakarta.data.addContactChannel.id, jayapura.data.addContactChannel.id]
    const openNow = async () => {
      const res = await sg.query(`{ hotline(id: "id-sapa-129") { channels { id openNow } } }`)
      return ids.map((id) => res.data.hotline.channels.find((c: any) => c.id === id).openNow)
    }
    now = new Date('2026-06-01T01:30:00Z') // Monday 08:30 in Jakarta, 10:30 in Jayapura
    t.same(await openNow(), [false, true])
    now = new Date('2026-06-01T08:30:00Z') // Monday 15:30 in Jakarta, 17:30 in Jayapura
    t.same(await openNow(), [true, false])
    now = new Date('2026-06-06T03:00:00Z') // Saturday
    t.same(await openNow(), [false, false])
    const always = await sg.query(`{ hotline(id: "la-lyu-1554") { openNow schedule { alwaysOpen timeZone } channels { openNow scheduleInherited } } }`)
    t.same(always.data.hotline, { openNow: true, schedule: { alwaysOpen: true, timeZone: 'Asia/Vientiane' }, channels: [{ openNow: true, scheduleInherited: true }] })
  })

  t.test('channels not verified within the window are stale, at the request time', async (t) => {
    const q = `{ tinkle: hotline(id: "sg-tinkle-friend") { stale channels { id stale verifiedAt openNow } } navh: hotline(id: "sg-navh") { stale channels { stale } } }`
    const june = await sg.query(q)
    t.same(june.data.tinkle.channels.map((c: any) => [c.id, c.stale, c.verifiedAt, c.openNow]), [
      ['sg-tinkle-friend-call', true, '2014-01-01T00:00:00.000Z', null],
      ['sg-tinkle-friend-chat', true, '2014-01-01T00:00:00.000Z', null],
    ])
    t.same(june.data.navh, { stale: false, channels: [{ stale: false }] })
    now = new Date('2026-09-01T00:00:00Z') // 184 days after the seed's 1 March 2026 check
    const september = await sg.query(q)
    t.same(september.data.navh, { stale: true, channels: [{ stale: true }] })
  })

  t.test('the staleness window comes from the subgraph settings', async (t) => {
    const strict = await startTestSubgraph(t, hotlinesDefinition({ staleAfterDays: 30 }), { clock: () => new Date('2026-06-01T03:00:00Z') })
    const res = await strict.query(`{ hotline(id: "sg-navh") { stale channels { stale } } }`)
    t.same(res.data.hotline, { stale: true, channels: [{ stale: true }] })
  })

  t.test('the stale-contact report is for staff, by country, oldest first', async (t) => {
    const q = `query($c: String) { staleContacts(country: $c) { country { code } verifiedAt daysSinceVerified channel { id } hotline { id } } }`
    for (const who of [identity('public'), VERIFIED_COMPANY, identity('government', { country: 'TH' })]) {
      const refused = await sg.query(q, {}, who)
      t.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN', who.role)
      t.equal(refused.data, null)
    }
    const all = await sg.query(q, {}, STAFF)
    t.notOk(all.errors)
    const rows = all.data.staleContacts.map((s: any) => [s.country?.code ?? null, s.channel.id, s.daysSinceVerified])
    t.same(rows.filter((r: any) => r[2] !== null), [
      ['MM', 'mm-mhpss-lines-mpt', 1946],
      ['MM', 'mm-mhpss-lines-ooredoo', 1946],
      ['SG', 'sg-tinkle-friend-call', 4534],
      ['SG', 'sg-tinkle-friend-chat', 4534],
    ])
    // The channels added unchecked above have never been checked: listed too, first in their country.
    t.same(rows.map((r: any) => r[0]), ['ID', 'ID', 'KH', 'MM', 'MM', 'SG', 'SG', 'TH', null])
    t.same(rows.filter((r: any) => r[2] === null).map((r: any) => r[0]), ['ID', 'ID', 'KH', 'TH', null])
    const singapore = await sg.query(q, { c: 'sg' }, STAFF)
    t.same(singapore.data.staleContacts.map((s: any) => s.hotline.id), ['sg-tinkle-friend', 'sg-tinkle-friend'])
    const bad = await sg.query(q, { c: 'Singapore' }, STAFF)
    t.match(bad.errors?.[0], { extensions: { code: 'BAD_USER_INPUT', allowed: ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'] } })

    const confirm = await sg.query(
      `mutation { confirmContactChannel(id: "sg-tinkle-friend-call", expectedVersion: 1, source: "Called the line; hours confirmed") { stale verified verifiedAt source } }`,
      {},
      STAFF,
    )
    t.same(confirm.data.confirmContactChannel, { stale: false, verified: true, verifiedAt: now.toISOString(), source: 'Called the line; hours confirmed' })
    const after = await sg.query(q, { c: 'SG' }, STAFF)
    t.same(after.data.staleContacts.map((s: any) => s.channel.id), ['sg-tinkle-friend-chat'])
    const missing = await sg.query(`mutation { confirmContactChannel(id: "no-such-channel", expectedVersion: 1, source: "x") { id } }`, {}, STAFF)
    t.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND')
  })
})
