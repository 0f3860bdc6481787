// The pieces of the HSDS mapping on their own: ids, merge patches, offsets, languages, schedules
// and channels, and the message when the HSDS schemas are missing.
import t from 'tap'
import { channelParts } from '../../gateway/hsds/channels.ts'
import type { Channel } from '../../gateway/hsds/graphql.ts'
import { hsdsId, uuidV5 } from '../../gateway/hsds/ids.ts'
import { languages } from '../../gateway/hsds/languages.ts'
import { IdIndex } from '../../gateway/hsds/lookup.ts'
import type { Run } from '../../gateway/hsds/graphql.ts'
import { schedules } from '../../gateway/hsds/schedules.ts'
import { offsetHours, utcOffset } from '../../gateway/hsds/time.ts'
import { hsdsSchemaDir, mergePatch } from '../../scripts/hsds/schemas.ts'

t.test('ids are RFC 9562 UUID v5, stable, and distinct per kind', async (t) => {
  // The RFC's own example: "www.example.com" in the DNS namespace.
  t.equal(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2')
  t.equal(hsdsId('hotline', 'th-saidek-1387'), hsdsId('hotline', 'th-saidek-1387'))
  t.not(hsdsId('hotline', 'th-saidek-1387'), hsdsId('program', 'th-saidek-1387'), 'a hotline and a program with the same slug differ')
  t.match(hsdsId('organization', 'unicef-eapro'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})

t.test('profiles merge as RFC 7396 says', async (t) => {
  t.same(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } }), { a: 'z', c: { d: 'e' } })
  t.same(mergePatch({ a: ['b'] }, { a: 'c' }), { a: 'c' })
  t.same(mergePatch({ a: 'foo' }, null), null, 'a file that is only null removes the schema')
  t.same(mergePatch({ e: null }, { a: 1 }), { e: null, a: 1 })
  t.same(mergePatch(['a', 'b'], { a: 'b' }), { a: 'b' })
})

t.test('time zones keep their name; HSDS gets the offset', async (t) => {
  t.equal(utcOffset('Asia/Bangkok'), '+07:00')
  t.equal(utcOffset('Asia/Yangon'), '+06:30')
  t.equal(offsetHours(utcOffset('Asia/Yangon')), 6.5)
  t.equal(utcOffset('Asia/Jayapura'), '+09:00')
  t.equal(utcOffset('UTC'), '+00:00')
  t.equal(offsetHours('-05:00'), -5)
})

t.test('languages: ISO 639 code from the BCP 47 tag, the tag kept', async (t) => {
  const [zh, fil, hmn] = languages(['zh-Hans-SG', 'fil-PH', 'hmn'], { service_id: 's' })
  t.match(zh, { code: 'zh', bcp47: 'zh-Hans-SG', service_id: 's' })
  t.match(fil, { code: 'fil', bcp47: 'fil-PH' }, 'Filipino has only a three-letter code')
  t.match(hmn, { code: 'hmn', name: 'Hmong' })
  t.equal(languages(['th', 'th'], { phone_id: 'p' }).length, 1, 'one record per tag')
})

t.test('opening hours become weekly schedules with offsets and the zone name', async (t) => {
  const [always] = schedules({ timeZone: 'Asia/Bangkok', alwaysOpen: true, intervals: [], note: null }, 's')
  t.match(always, { byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00+07:00', closes_at: '23:59+07:00', timezone: 7, timezone_name: 'Asia/Bangkok', always_open: true })
  const weekly = schedules(
    {
      timeZone: 'Asia/Yangon',
      alwaysOpen: false,
      intervals: [
        { day: 'MONDAY', opens: '08:00', closes: '17:00' },
        { day: 'TUESDAY', opens: '08:00', closes: '17:00' },
        { day: 'SATURDAY', opens: '09:00', closes: '24:00' },
      ],
    },
    's',
  )
  t.equal(weekly.length, 2, 'one schedule per distinct opening and closing time')
  t.match(weekly[0], { byday: 'MO,TU', opens_at: '08:00+06:30', closes_at: '17:00+06:30', timezone: 6.5, timezone_name: 'Asia/Yangon' })
  t.match(weekly[1], { byday: 'SA', closes_at: '23:59+06:30' }, 'the end of the day is written 23:59')
  t.same(schedules(null, 's'), [], 'unknown hours give no schedule')
})

t.test('channels: numbers to phones, email to contacts, messaging apps only in the profile', async (t) => {
  const channel = (over: Partial<Channel>): Channel => ({
    id: 'c', type: 'PHONE', value: '', display: '', e164: null, dialableIn: null, label: null, languages: [], visibility: 'PUBLIC',
    freeOfCharge: null, verified: true, verifiedAt: '2026-03-01T00:00:00.000Z', source: 'test', schedule: null, scheduleInherited: true,
    updatedAt: '2026-03-01T00:00:00.000Z', ...over,
  })
  const parts = channelParts(
    [
      channel({ id: 'short', type: 'SHORT_CODE', value: '1387', display: '1387', dialableIn: { code: 'TH' }, languages: ['th'] }),
      channel({ id: 'wa', type: 'WHATSAPP', value: '+60192615999', display: '+60 19-261 5999', e164: '+60192615999' }),
      channel({ id: 'mail', type: 'EMAIL', value: 'help@example.org' }),
      channel({ id: 'form', type: 'WEB_FORM', value: 'https://example.org/report' }),
      channel({ id: 'secret', type: 'PHONE', value: '+6620000000', visibility: 'RESTRICTED' }),
    ],
    'svc',
  )
  t.same(parts.phones.map((p) => [p.number, p.channel_type, p.dialable_in]), [['1387', 'SHORT_CODE', 'TH']])
  t.equal(parts.phones[0]!.languages[0]!.code, 'th')
  t.same(parts.contacts.map((c) => c.email), ['help@example.org'])
  t.equal(parts.url, 'https://example.org/report', 'the reporting form when there is no website')
  t.equal(parts.email, 'help@example.org')
  t.same(parts.contactChannels.map((c) => c.type), ['SHORT_CODE', 'WHATSAPP', 'EMAIL', 'WEB_FORM'], 'WhatsApp in the profile list; a non-public channel nowhere')
})

t.test('missing HSDS schemas fail with a message that says where they were looked for', async (t) => {
  t.throws(() => hsdsSchemaDir({ HSDS_SCHEMA_DIR: '/nonexistent/hsds' }), /HSDS 3\.0 schemas were not found in \/nonexistent\/hsds.*HSDS_SCHEMA_DIR/)
  t.ok(hsdsSchemaDir({}), 'the default, shared/hsds-3.0 beside the repository, is there')
})

t.test('HSDS ids lead back to directory ids, reading only what is needed', async (t) => {
  const programs = ['p1', 'p2', 'p3']
  const asked: string[] = []
  const run = (async (query: string, vars: { after?: string | null } = {}) => {
    if (query.includes('hotlines')) return asked.push('hotlines'), { hotlines: [{ id: 'h1' }] }
    if (query.includes('partners')) return asked.push('partners'), { partners: { pageInfo: { hasNextPage: false, endCursor: 'o' }, nodes: [{ id: 'org1' }] } }
    asked.push(`programs after ${vars.after ?? 'start'}`)
    const from = vars.after ? programs.indexOf(vars.after) + 1 : 0
    const nodes = programs.slice(from, from + 2).map((id) => ({ id }))
    return { programs: { pageInfo: { hasNextPage: from + 2 < programs.length, endCursor: nodes.at(-1)?.id ?? null }, nodes } }
  }) as Run
  const index = new IdIndex(0)
  t.same(await index.resolve(run, hsdsId('organization', 'org1'), ['organization']), { kind: 'organization', id: 'org1' })
  t.same(asked, ['partners'], 'an organization id reads partners only')
  t.same(await index.resolve(run, hsdsId('program', 'p3'), ['hotline', 'program']), { kind: 'program', id: 'p3' })
  t.same(asked.slice(1), ['hotlines', 'programs after start', 'programs after p2'])
  programs.push('p4')
  asked.length = 0
  t.same(await index.resolve(run, hsdsId('program', 'p4'), ['program']), { kind: 'program', id: 'p4' })
  t.same(asked, ['programs after p3'], 'only programs added since the last read')
  t.equal(await index.resolve(run, hsdsId('program', 'p1'), ['organization']), null, 'a record of another kind is not a match')
  const throttled = new IdIndex(60_000)
  await throttled.resolve(run, hsdsId('hotline', 'nope'), ['hotline'])
  asked.length = 0
  t.equal(await throttled.resolve(run, hsdsId('hotline', 'nope-again'), ['hotline']), null)
  t.same(asked, [], 'unknown ids do not make it read again within the interval')
})
