import t from 'tap'
import { Validator } from '../../../subgraphs/common/validate.ts'
import { checkSchedule, isOpenAt, localTime, type Schedule } from '../../../subgraphs/hotlines/schedule.ts'

const WEEKDAYS_9_TO_5 = (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((day) => ({ day, opens: '09:00', closes: '17:00' }))
const officeHours = (timeZone: string): Schedule => ({ timeZone, alwaysOpen: false, intervals: WEEKDAYS_9_TO_5 })

// Monday 1 June 2026, 03:00 UTC: 10:00 in Bangkok, 23:00 on Sunday evening in New York.
const MONDAY_10_BANGKOK = new Date('2026-06-01T03:00:00Z')

t.test('a weekday-hours line is open at 10:00 in Bangkok and closed at that instant where it is Sunday evening', async (t) => {
  t.same(localTime(MONDAY_10_BANGKOK, 'Asia/Bangkok'), { day: 'MONDAY', minutes: 600 })
  t.equal(isOpenAt(officeHours('Asia/Bangkok'), MONDAY_10_BANGKOK), true)
  t.same(localTime(MONDAY_10_BANGKOK, 'America/New_York'), { day: 'SUNDAY', minutes: 23 * 60 })
  t.equal(isOpenAt(officeHours('America/New_York'), MONDAY_10_BANGKOK), false)
  t.equal(isOpenAt(officeHours('Asia/Bangkok'), new Date('2026-06-01T10:30:00Z')), false, '17:30 in Bangkok: closed')
})

t.test("Indonesia's four zones and Malaysia's two each get their own local time", async (t) => {
  // Monday 01:30 UTC is 08:30 in Jakarta and Pontianak (UTC+7), 09:30 in Makassar, 10:30 in Jayapura.
  const at = new Date('2026-06-01T01:30:00Z')
  const open = (zone: string) => isOpenAt(officeHours(zone), at)
  t.same(
    ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'].map((z) => [z, localTime(at, z).minutes / 60]),
    [['Asia/Jakarta', 8.5], ['Asia/Pontianak', 8.5], ['Asia/Makassar', 9.5], ['Asia/Jayapura', 10.5]],
  )
  t.same([open('Asia/Jakarta'), open('Asia/Makassar'), open('Asia/Jayapura')], [false, true, true])
  t.same(localTime(at, 'Asia/Kuching'), localTime(at, 'Asia/Kuala_Lumpur'))
  t.equal(open('Asia/Kuching'), true)
})

t.test('a 24/7 line is always open, and an evening shift runs past midnight', async (t) => {
  const always: Schedule = { timeZone: 'Asia/Manila', alwaysOpen: true, intervals: [] }
  for (const hour of [0, 5, 11, 17, 23]) t.equal(isOpenAt(always, new Date(Date.UTC(2026, 5, 6, hour))), true)
  const evening: Schedule = { timeZone: 'Asia/Manila', alwaysOpen: false, intervals: [{ day: 'FRIDAY', opens: '20:00', closes: '02:00' }] }
  // Manila is UTC+8: Friday 22:00 = 14:00Z, Saturday 01:00 = Friday 17:00Z, Saturday 03:00 = Friday 19:00Z.
  t.equal(isOpenAt(evening, new Date('2026-06-05T14:00:00Z')), true, 'Friday 22:00')
  t.equal(isOpenAt(evening, new Date('2026-06-05T17:00:00Z')), true, 'Saturday 01:00')
  t.equal(isOpenAt(evening, new Date('2026-06-05T19:00:00Z')), false, 'Saturday 03:00')
  t.equal(isOpenAt(evening, new Date('2026-06-04T17:00:00Z')), false, 'Friday 01:00 is not the Thursday shift')
  const toMidnight: Schedule = { timeZone: 'Asia/Manila', alwaysOpen: false, intervals: [{ day: 'SUNDAY', opens: '18:00', closes: '24:00' }] }
  t.equal(isOpenAt(toMidnight, new Date('2026-06-07T15:59:00Z')), true, 'Sunday 23:59')
  t.equal(isOpenAt(toMidnight, new Date('2026-06-07T16:00:00Z')), false, 'Monday 00:00')
})

t.test('opening hours are validated with every problem reported', async (t) => {
  const v = new Validator()
  t.equal(checkSchedule(v, 'schedule', { timeZone: 'Asia/Bangkok', intervals: [{ day: 'MONDAY', opens: '9am', closes: '09:00' }] }), undefined)
  t.equal(checkSchedule(v, 'other', { timeZone: 'Asia/Atlantis', alwaysOpen: true, intervals: [] }), undefined)
  t.same(
    v.violations.map((x) => x.path),
    ['schedule.intervals[0].opens', 'other.timeZone'],
  )
  t.match(v.violations[1]!.message, /IANA time zone/)
  const ok = new Validator()
  t.same(checkSchedule(ok, 's', { timeZone: 'Asia/Jayapura', intervals: [{ day: 'FRIDAY', opens: '20:00', closes: '02:00' }] })?.timeZone, 'Asia/Jayapura')
  t.same(ok.violations, [])
})
