// Contact channels kept current by the service's operator: a number changes, verification is
// cleared until someone confirms it, stale versions and other organisations are refused, and a
// retired channel leaves every public answer.
import t from 'tap'
import { hotlinesDefinition } from '../../../subgraphs/hotlines/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const NOW = new Date('2026-06-01T03:00:00Z')
const VN_MOH = identity('government', { org: 'vn-moh', country: 'VN', sub: 'lan@vn-moh' })
const KPWKM = identity('government', { org: 'my-kpwkm', country: 'MY' })
const STAFF = identity('secretariat', { org: 'asean-secretariat', sub: 'officer@asean' })

const CHANNEL = `id version type value display e164 dialableIn { code } labels: label status verified verifiedAt verifiedBy stale source scheduleInherited`
const ADD = `mutation($h: ID!, $input: ContactChannelInput!) { addContactChannel(hotlineId: $h, input: $input) { ${CHANNEL} } }`
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateContactChannelInput!) { updateContactChannel(id: $id, expectedVersion: $v, input: $input) { ${CHANNEL} } }`
const RETIRE = `mutation($id: ID!, $v: Int!) { retireContactChannel(id: $id, expectedVersion: $v) { id version status } }`
const CONFIRM = `mutation($id: ID!, $v: Int!, $s: String) { confirmContactChannel(id: $id, expectedVersion: $v, source: $s) { ${CHANNEL} } }`
const CHANGES = `query($id: ID!) { contactChannel(id: $id) { version changes { version actorSub actorOrg fields { field oldValue newValue } } } }`

t.test('contact-channel upkeep', async (t) => {
  const sg = await startTestSubgraph(t, hotlinesDefinition({ staleAfterDays: 180 }), { clock: () => NOW })
  const logRows = async (id: string) => (await sg.db.query<{ n: number }>('select count(distinct version)::int as n from hotlines.channel_change where entity_id = $1', [id]))[0]!.n

  // Viet Nam's child line moved from 1800 1567 to the short code 111: the operator records the old
  // line as it was (checked), then moves it.
  const old = await sg.query(ADD, { h: 'vn-111', input: { type: 'TOLL_FREE', value: '1800 1567', verified: true, source: 'Test: the line before December 2017' } }, VN_MOH)
  t.notOk(old.errors, JSON.stringify(old.errors))
  const lineId: string = old.data.addContactChannel.id

  t.test('the operator adds a channel, checked as entered, with a change log entry', async (t) => {
    t.match(old.data.addContactChannel, {
      id: /^vn-111-toll-free-[0-9a-f]{6}$/,
      version: 1,
      value: '+8418001567',
      display: '+84 1800 1567',
      verified: true,
      verifiedAt: NOW.toISOString(),
      verifiedBy: 'lan@vn-moh',
      stale: false,
      status: 'ACTIVE',
    })
    const log = await sg.query(CHANGES, { id: lineId }, VN_MOH)
    t.match(log.data.contactChannel.changes, [{ version: 1, actorSub: 'lan@vn-moh', actorOrg: 'vn-moh' }])
    t.ok(log.data.contactChannel.changes[0].fields.some((f: any) => f.field === 'value' && f.newValue === '"+8418001567"'))
  })

  t.test('a new number clears the verification; the change log has the old and the new number', async (t) => {
    const moved = await sg.query(UPDATE, { id: lineId, v: 1, input: { type: 'SHORT_CODE', value: '111' } }, VN_MOH)
    t.notOk(moved.errors, JSON.stringify(moved.errors))
    t.match(moved.data.updateContactChannel, {
      version: 2,
      type: 'SHORT_CODE',
      value: '111',
      display: '111',
      e164: null,
      dialableIn: { code: 'VN' },
      verified: false,
      verifiedAt: null,
      verifiedBy: null,
      stale: true,
      source: 'Given by vn-moh through the partner directory',
    })
    const log = await sg.query(CHANGES, { id: lineId }, STAFF)
    t.same(log.data.contactChannel.changes[1], {
      version: 2,
      actorSub: 'lan@vn-moh',
      actorOrg: 'vn-moh',
      fields: [
        { field: 'type', oldValue: '"TOLL_FREE"', newValue: '"SHORT_CODE"' },
        { field: 'value', oldValue: '"+8418001567"', newValue: '"111"' },
        { field: 'dialableIn', oldValue: null, newValue: '"VN"' },
        { field: 'source', oldValue: '"Test: the line before December 2017"', newValue: '"Given by vn-moh through the partner directory"' },
        { field: 'verified', oldValue: 'true', newValue: 'false' },
        { field: 'verifiedAt', oldValue: `"${NOW.toISOString()}"`, newValue: null },
      ],
    })
    const label = await sg.query(UPDATE, { id: lineId, v: 2, input: { labels: [{ lang: 'en', value: 'Hotline 111' }, { lang: 'vi', value: 'Tổng đài 111' }] } }, VN_MOH)
    t.match(label.data.updateContactChannel, { version: 3, labels: 'Hotline 111', verified: false })

    const confirmed = await sg.query(CONFIRM, { id: lineId, v: 3, s: 'Called 111 from a Hanoi number' }, STAFF)
    t.match(confirmed.data.confirmContactChannel, { version: 4, verified: true, verifiedAt: NOW.toISOString(), verifiedBy: 'officer@asean', stale: false, source: 'Called 111 from a Hanoi number' })
    const relabel = await sg.query(UPDATE, { id: lineId, v: 4, input: { labels: [{ lang: 'en', value: 'Child protection hotline 111' }] } }, VN_MOH)
    t.match(relabel.data.updateContactChannel, { verified: true, verifiedBy: 'officer@asean' }, 'a new label keeps the verification')
    const hours = await sg.query(UPDATE, { id: lineId, v: 5, input: { schedule: { timeZone: 'Asia/Ho_Chi_Minh', alwaysOpen: true } } }, VN_MOH)
    t.match(hours.data.updateContactChannel, { verified: false, verifiedAt: null, scheduleInherited: false }, 'new hours clear it')
  })

  t.test('another organisation is refused; the Secretariat may change any channel', async (t) => {
    const current = (await sg.query(`{ contactChannel(id: "vn-111-call") { version } }`)).data.contactChannel.version
    const foreign = await sg.query(UPDATE, { id: 'vn-111-call', v: current, input: { value: '112' } }, KPWKM)
    t.match(foreign.errors?.[0], { extensions: { code: 'FORBIDDEN' }, message: /kept by its operator \("vn-moh"\)/ })
    const added = await sg.query(ADD, { h: 'vn-111', input: { type: 'EMAIL', value: 'x@example.org' } }, KPWKM)
    t.equal(added.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'nor may it add channels to it')
    t.equal(await logRows('vn-111-call'), 0)
    const staff = await sg.query(UPDATE, { id: 'vn-111-call', v: current, input: { freeOfCharge: true, languages: ['vi', 'en'] } }, STAFF)
    t.notOk(staff.errors)
    t.match(staff.data.updateContactChannel, { version: current + 1, verified: true })
  })

  t.test('a stale version is refused with the current version, and nothing is written', async (t) => {
    const before = await logRows('my-talian-kasih-15999-whatsapp')
    const first = await sg.query(UPDATE, { id: 'my-talian-kasih-15999-whatsapp', v: 1, input: { value: '+60 12-345 6789' } }, KPWKM)
    t.equal(first.data.updateContactChannel.value, '+60123456789')
    const second = await sg.query(UPDATE, { id: 'my-talian-kasih-15999-whatsapp', v: 1, input: { value: '+60 19-261 5999' } }, KPWKM)
    t.match(second.errors?.[0], { extensions: { code: 'CONFLICT', currentVersion: 2 } })
    t.equal(await logRows('my-talian-kasih-15999-whatsapp'), before + 1)
    const now = await sg.query(`{ contactChannel(id: "my-talian-kasih-15999-whatsapp") { value } }`)
    t.equal(now.data.contactChannel.value, '+60123456789', 'the first write stands')
  })

  t.test('every violation at once, with its path, and nothing written', async (t) => {
    const res = await sg.query(
      UPDATE,
      { id: 'vn-111-zalo', v: 1, input: { type: 'TOLL_FREE', value: '111', languages: ['xx-!!'], labels: [{ lang: 'en', value: '' }], status: 'RETIRED', visibility: null } },
      VN_MOH,
    )
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.value', 'input.labels[0].value', 'input.languages[0]', 'input.visibility', 'input.status'])
    t.match(res.errors?.[0]?.extensions?.violations[0].message, /national short code: use SHORT_CODE/)
    t.equal(await logRows('vn-111-zalo'), 0)
    const bad = await sg.query(ADD, { h: 'vn-111', input: { type: 'PHONE', value: 'call us', schedule: { timeZone: 'Asia/Hanoi' } } }, VN_MOH)
    t.same(bad.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.value', 'input.schedule.timeZone', 'input.schedule.intervals'])
  })

  t.test('a retired channel leaves every public answer; its operator and staff still see it', async (t) => {
    const retired = await sg.query(RETIRE, { id: 'th-saidek-1387-call', v: 1 }, identity('civil_society', { org: 'childline-thailand' }))
    t.same(retired.data.retireContactChannel, { id: 'th-saidek-1387-call', version: 2, status: 'RETIRED' })
    const publicView = await sg.query(`{ contactChannel(id: "th-saidek-1387-call") { id } hotline(id: "th-saidek-1387") { channels { id } }
      referralPathway(country: "TH", harm: "sextortion", priority: true) { steps { contact { id } hotline { channels { id } } } } }`)
    t.notOk(publicView.errors)
    t.notMatch(JSON.stringify(publicView.data), /th-saidek-1387-call/)
    t.equal(publicView.data.contactChannel, null)
    const staff = await sg.query(`{ contactChannel(id: "th-saidek-1387-call") { id status } hotline(id: "th-saidek-1387") { retiredChannels { id } } }`, {}, STAFF)
    t.same(staff.data, { contactChannel: { id: 'th-saidek-1387-call', status: 'RETIRED' }, hotline: { retiredChannels: [{ id: 'th-saidek-1387-call' }] } })
    const other = await sg.query(`{ hotline(id: "th-saidek-1387") { retiredChannels { id } } }`, {}, KPWKM)
    t.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const back = await sg.query(UPDATE, { id: 'th-saidek-1387-call', v: 2, input: { status: 'ACTIVE' } }, STAFF)
    t.equal(back.data.updateContactChannel.status, 'ACTIVE')
  })

  t.test('a channel read by id shows no more than the service lists would', async (t) => {
    const restricted = `{ contactChannel(id: "th-ticac-escalation-example") { id value } }`
    t.same((await sg.query(restricted)).data.contactChannel, null, 'the public never sees a restricted one')
    t.same((await sg.query(restricted, {}, identity('tech_company', { org: 'meta', verified: true }))).data.contactChannel, {
      id: 'th-ticac-escalation-example',
      value: 'th-ticac.escalation@example.org',
    })
    t.same((await sg.query(`{ contactChannel(id: "kh-chc-1280-admin") { id } }`)).data.contactChannel, null, 'nor a partner-only one')
    const log = await sg.query(`{ contactChannel(id: "vn-111-call") { changes { version } } }`, {}, KPWKM)
    t.equal(log.errors?.[0]?.extensions?.code, 'FORBIDDEN', "another organisation never reads a channel's change log")
  })
})
