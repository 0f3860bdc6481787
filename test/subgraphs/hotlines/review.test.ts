// The review queue: what the Secretariat should check next in a country, and how a change and a
// confirmation move a contact in and out of it.
import t from 'tap'
import { hotlinesDefinition } from '../../../subgraphs/hotlines/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const NOW = new Date('2026-06-01T03:00:00Z')
const STAFF = identity('secretariat', { org: 'asean-secretariat', sub: 'officer@asean' })
const VN_MOH = identity('government', { org: 'vn-moh', country: 'VN', sub: 'lan@vn-moh' })

const QUEUE = `query($c: String) { reviewQueue(country: $c) { hotline { id } channel { id version } country { code } reason verifiedAt waitingSince daysWaiting } }`
const item = (r: any) => [r.hotline.id, r.channel?.id ?? null, r.reason]

t.test('review queue', async (t) => {
  const sg = await startTestSubgraph(t, hotlinesDefinition({ staleAfterDays: 180 }), { clock: () => NOW })
  const queue = async (country?: string) => {
    const res = await sg.query(QUEUE, { c: country }, STAFF)
    t.notOk(res.errors, JSON.stringify(res.errors))
    return res.data.reviewQueue
  }

  t.test('is for staff only', async (t) => {
    for (const who of [identity('public'), VN_MOH, identity('tech_company', { org: 'meta', verified: true })]) {
      const res = await sg.query(QUEUE, { c: 'VN' }, who)
      t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', who.role)
    }
  })

  t.test('lists unconfirmed and long-unchecked records per country, the longest waiting first', async (t) => {
    const sg1 = await queue('SG')
    t.same(sg1.map(item), [
      ['sg-tinkle-friend', 'sg-tinkle-friend-call', 'STALE'],
      ['sg-tinkle-friend', 'sg-tinkle-friend-chat', 'STALE'],
    ])
    t.match(sg1[0], { country: { code: 'SG' }, verifiedAt: '2014-01-01T00:00:00.000Z', waitingSince: '2014-01-01T00:00:00.000Z', daysWaiting: 4534 })
    const th = await queue('TH')
    t.same(th.map(item), [['th-ticac', 'th-ticac-escalation-example', 'UNVERIFIED']], 'an example placeholder waits for its real contact')
    const all = await queue()
    const countries = all.map((r: any) => r.country?.code ?? null)
    t.same(countries, [...countries].sort((a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0)), 'grouped by country, international last')
    const bad = await sg.query(QUEUE, { c: 'Viet Nam' }, STAFF)
    t.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })

  t.test('a changed number enters the queue unverified; a confirmation takes it out', async (t) => {
    t.same((await queue('VN')).map(item), [['vn-mps-cyber', 'vn-mps-cyber-escalation-example', 'UNVERIFIED']])
    const changed = await sg.query(
      `mutation { updateContactChannel(id: "vn-111-zalo", expectedVersion: 1, input: { value: "0111" }) { version verified } }`,
      {},
      VN_MOH,
    )
    t.notOk(changed.errors, JSON.stringify(changed.errors))
    const waiting = await queue('VN')
    t.same(waiting.map(item), [
      ['vn-mps-cyber', 'vn-mps-cyber-escalation-example', 'UNVERIFIED'],
      ['vn-111', 'vn-111-zalo', 'UNVERIFIED'],
    ])
    t.match(waiting[1], { channel: { version: 2 }, verifiedAt: null, waitingSince: NOW.toISOString(), daysWaiting: 0 })
    const confirm = await sg.query(`mutation { confirmContactChannel(id: "vn-111-zalo", expectedVersion: 2) { verified stale } }`, {}, STAFF)
    t.same(confirm.data.confirmContactChannel, { verified: true, stale: false })
    t.same((await queue('VN')).map(item), [['vn-mps-cyber', 'vn-mps-cyber-escalation-example', 'UNVERIFIED']])
  })

  t.test('retired records are not in the queue', async (t) => {
    const FRESHNESS = `{ contactFreshness { country channels stale } }`
    const before = (await sg.query(FRESHNESS, {}, STAFF)).data.contactFreshness.find((r: any) => r.country === 'SG')
    const retire = await sg.query(`mutation { retireHotline(id: "sg-tinkle-friend", expectedVersion: 1) { status } }`, {}, STAFF)
    t.notOk(retire.errors)
    t.same(await queue('SG'), [])
    const stale = await sg.query(`{ staleContacts(country: "SG") { channel { id } } }`, {}, STAFF)
    t.same(stale.data.staleContacts, [], 'nor in the stale-contact report')
    const after = (await sg.query(FRESHNESS, {}, STAFF)).data.contactFreshness.find((r: any) => r.country === 'SG')
    t.same(after, { country: 'SG', channels: before.channels - 2, stale: before.stale - 2 }, 'nor counted for freshness')
  })
})
