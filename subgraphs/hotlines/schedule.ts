// Opening hours in IANA time zones. "Open now?" is answered from the zone's local weekday and
// time as Intl.DateTimeFormat gives them from the runtime's tz database: no hand-written UTC
// offsets, so Indonesia's four zones, Malaysia's two and any future offset change are handled
// the same way.
import type { LocalizedText } from '../common/i18n.ts'
import type { Validator } from '../common/validate.ts'

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface OpeningInterval {
  day: Weekday
  opens: string
  closes: string
}

export interface Schedule {
  timeZone: string
  alwaysOpen: boolean
  intervals: OpeningInterval[]
  note?: LocalizedText[]
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    // Throws RangeError for a zone the tz database does not know.
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    formatters.set(timeZone, f)
  }
  return f
}

export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone)
    return true
  } catch {
    return false
  }
}

/** The weekday and minutes since local midnight in `timeZone` at the instant `at`. */
export function localTime(at: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = formatter(timeZone).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const day = part('weekday').toUpperCase() as Weekday
  return { day, minutes: (Number(part('hour')) % 24) * 60 + Number(part('minute')) }
}

// Clock times, not phone numbers or tags: "HH:MM", and "24:00" for the end of a day.
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

export function isOpenAt(schedule: Schedule, at: Date): boolean {
  if (schedule.alwaysOpen) return true
  const { day, minutes } = localTime(at, schedule.timeZone)
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]
  return schedule.intervals.some((interval) => {
    const opens = minutesOf(interval.opens)
    const closes = minutesOf(interval.closes)
    if (closes > opens) return interval.day === day && minutes >= opens && minutes < closes
    // Runs past midnight: open from `opens` on its own day until `closes` on the next.
    return (interval.day === day && minutes >= opens) || (interval.day === yesterday && minutes < closes)
  })
}

export interface ScheduleInput {
  timeZone: string
  alwaysOpen?: boolean | null
  intervals?: OpeningInterval[] | null
  /** Translations of a note on the hours ("Online: reports can be made at any time"). */
  notes?: LocalizedText[] | null
}

/** Validates opening hours, reporting every violation with its path; returns what to store. */
export function checkSchedule(v: Validator, path: string, input: ScheduleInput): Schedule | undefined {
  const before = v.violations.length
  if (!isTimeZone(input.timeZone)) {
    v.fail(`${path}.timeZone`, `"${input.timeZone.slice(0, 60)}" is not an IANA time zone (for example "Asia/Bangkok", "Asia/Jakarta", "Asia/Jayapura", "Asia/Kuching")`)
  }
  const alwaysOpen = input.alwaysOpen ?? false
  const intervals = input.intervals ?? []
  if (alwaysOpen && intervals.length) v.fail(`${path}.intervals`, 'must be empty when alwaysOpen is true')
  if (!alwaysOpen && !intervals.length) v.fail(`${path}.intervals`, 'needs at least one interval, or set alwaysOpen')
  intervals.forEach((interval, i) => {
    const at = `${path}.intervals[${i}]`
    for (const key of ['opens', 'closes'] as const) {
      if (!TIME.test(interval[key])) v.fail(`${at}.${key}`, `"${interval[key].slice(0, 10)}" is not a time such as "08:30" or "24:00"`)
    }
    if (interval.opens === '24:00') v.fail(`${at}.opens`, 'must be before 24:00')
    if (interval.opens === interval.closes) v.fail(`${at}.closes`, 'must differ from opens')
  })
  const note = v.texts(`${path}.notes`, input.notes ?? [], { max: 300 })
  if (v.violations.length > before) return undefined
  const schedule: Schedule = { timeZone: input.timeZone, alwaysOpen, intervals: intervals.map(({ day, opens, closes }) => ({ day, opens, closes })) }
  return note.length ? { ...schedule, note } : schedule
}
