// The same answers on the PostgreSQL server: jsonb schedules, timestamp arithmetic for staleness,
// and a seed that can run again without duplicating or overwriting anything.
import t from 'tap'
import { hotlinesDefinition } from '../../../subgraphs/hotlines/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const STAFF = identity('admin')

t.test('hotlines on the PostgreSQL server', async (t) => {
  const definition = hotlinesDefinition({ staleAfterDays: 180 })
  const sg = await startTestSubgraph(t, definition, { driver: 'pg', clock: () => new Date('2026-06-01T03:00:00Z') })

  const pathway = await sg.query(`{ referralPathway(country: "TH", harm: "sextortion", priority: true) { steps { kind hotline { id } contact { id openNow } } } }`)
  t.same(
    pathway.data.referralPathway.steps.map((s: any) => [s.kind, s.hotline.id, s.contact.id, s.contact.openNow]),
    [
      ['EMERGENCY', 'th-emergency', 'th-emergency-191', true],
      ['LAW_ENFORCEMENT', 'th-ticac', 'th-ticac-website', true],
      ['CHILD_HELPLINE', 'th-saidek-1387', 'th-saidek-1387-call', true],
      ['INTERNATIONAL_FALLBACK', 'inhope-hotlines', 'inhope-hotlines-website', true],
    ],
  )

  const added = await sg.query(
    `mutation { addContactChannel(hotlineId: "my-talian-kasih-15999", input: {
       type: PHONE, value: "082-412 345", country: "MY", source: "test",
       schedule: { timeZone: "Asia/Kuching", intervals: [{ day: MONDAY, opens: "08:00", closes: "17:00" }] } }) {
       e164 openNow schedule { timeZone intervals { day opens closes } } } }`,
    {},
    STAFF,
  )
  t.notOk(added.errors, JSON.stringify(added.errors))
  t.same(added.data?.addContactChannel, {
    e164: '+6082412345',
    openNow: true,
    schedule: { timeZone: 'Asia/Kuching', intervals: [{ day: 'MONDAY', opens: '08:00', closes: '17:00' }] },
  })

  const confirmed = await sg.query(`mutation { confirmContactChannel(id: "sg-tinkle-friend-chat", expectedVersion: 1, source: "checked") { version } }`, {}, STAFF)
  t.same(confirmed.data?.confirmContactChannel, { version: 2 })
  await definition.seed!(sg.db)
  const [{ n }] = await sg.db.query<{ n: number }>('select count(*)::int as n from hotlines.channel')
  const [{ source }] = await sg.db.query<{ source: string }>(`select source from hotlines.channel where id = 'sg-tinkle-friend-chat'`)
  t.equal(n, 79, 'the seed added nothing twice')
  t.equal(source, 'checked', 'the seed did not overwrite the edit')

  const stale = await sg.query(`{ staleContacts { channel { id } daysSinceVerified } }`, {}, STAFF)
  t.match(stale.data.staleContacts.map((s: any) => [s.channel.id, s.daysSinceVerified]), [
    ['mm-mhpss-lines-mpt', 1946],
    ['mm-mhpss-lines-ooredoo', 1946],
    [/^my-talian-kasih-15999-phone-/, null],
    ['sg-tinkle-friend-call', 4534],
  ])
  t.equal(stale.data.staleContacts.length, 4, 'the channel added unchecked is listed, never checked')
})
