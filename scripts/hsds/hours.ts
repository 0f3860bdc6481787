// HSDS schedules back to opening hours: the profile's timezone_name gives the zone (an offset
// does not name one), always_open a 24-hour service, and each weekly schedule its days, opening
// and closing times (local, the offset dropped). 23:59 stands for the end of the day ("24:00"),
// as the profile documents.
import { arr, str } from './outcome.ts'

const DAYS: Record<string, string> = { MO: 'MONDAY', TU: 'TUESDAY', WE: 'WEDNESDAY', TH: 'THURSDAY', FR: 'FRIDAY', SA: 'SATURDAY', SU: 'SUNDAY' }

export interface HoursInput {
  timeZone: string
  alwaysOpen: boolean
  intervals: { day: string; opens: string; closes: string }[]
  notes?: { lang: string; value: string }[]
}

const local = (time: string) => time.slice(0, 5)

/** Opening hours, null when there are no schedules, or a reason they cannot be read. */
export function hoursFrom(schedules: unknown, path = 'schedules'): HoursInput | null | string {
  const list = arr(schedules)
  if (!list.length) return null
  const zones = [...new Set(list.map((s) => str(s.timezone_name)))]
  if (zones.length !== 1 || !zones[0]) return `${path}: opening hours need the profile's timezone_name (an IANA zone, the same on every schedule); a UTC offset does not name a zone`
  const note = list.map((s) => str(s.notes)).find(Boolean)
  const notes = note ? { notes: [{ lang: 'en', value: note }] } : {}
  if (list.some((s) => s.always_open === true)) return { timeZone: zones[0], alwaysOpen: true, intervals: [], ...notes }
  const intervals: HoursInput['intervals'] = []
  for (const [i, s] of list.entries()) {
    const days = String(s.byday ?? '').split(',').map((d) => DAYS[d.trim()])
    if (s.freq !== 'WEEKLY' || !days.length || days.some((d) => !d) || !str(s.opens_at) || !str(s.closes_at)) {
      return `${path}[${i}]: only weekly schedules with byday days (MO..SU), opens_at and closes_at can be imported`
    }
    const closes = local(String(s.closes_at))
    for (const day of days) intervals.push({ day: day!, opens: local(String(s.opens_at)), closes: closes === '23:59' ? '24:00' : closes })
  }
  return { timeZone: zones[0], alwaysOpen: false, intervals, ...notes }
}

/** The same shape from what the directory holds, to compare. */
export const hoursOf = (h: { timeZone: string; alwaysOpen: boolean; intervals: { day: string; opens: string; closes: string }[]; note: string | null } | null) =>
  h && { timeZone: h.timeZone, alwaysOpen: h.alwaysOpen, intervals: h.intervals.map(({ day, opens, closes }) => ({ day, opens, closes })), ...(h.note ? { notes: [{ lang: 'en', value: h.note }] } : {}) }
