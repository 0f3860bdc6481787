// Formatting with the platform's Intl (full ICU in Node): language names, weekdays, lists and
// times in the reader's language, hours in the service's own time zone.
import type { Locale } from './locales.ts'

type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY'
const WEEK: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']

const cached = new Map<string, unknown>()
function memo<T>(key: string, make: () => T): T {
  if (!cached.has(key)) cached.set(key, make())
  return cached.get(key) as T
}

/** A language's name in the reader's language ("th" in Vietnamese: "Tiếng Thái"); the tag when unknown. */
export function languageName(tag: string, locale: Locale): string {
  const names = memo(`lang:${locale}`, () => new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'code' }))
  try {
    return names.of(tag) ?? tag
  } catch {
    return tag
  }
}

export function list(items: string[], locale: Locale): string {
  return memo(`list:${locale}`, () => new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' })).format(items)
}

function weekdayName(day: Weekday, locale: Locale): string {
  // 1 January 2024 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + WEEK.indexOf(day)))
  return memo(`wd:${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' })).format(date)
}

/** Days as runs: Monday to Friday as one range, a lone day by itself. */
export function dayRanges(days: Weekday[], locale: Locale): string {
  const sorted = [...new Set(days)].sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b))
  const runs: Weekday[][] = []
  for (const day of sorted) {
    const last = runs.at(-1)
    if (last && WEEK.indexOf(day) === WEEK.indexOf(last.at(-1)!) + 1) last.push(day)
    else runs.push([day])
  }
  const parts = runs.flatMap((run) => (run.length >= 3 ? [`${weekdayName(run[0]!, locale)}–${weekdayName(run.at(-1)!, locale)}`] : run.map((d) => weekdayName(d, locale))))
  return list(parts, locale)
}

export interface Interval {
  day: Weekday
  opens: string
  closes: string
}

/** Opening hours grouped by their times: [{days: "Mon–Fri", times: "08:00–17:00"}]. */
export function hoursRows(intervals: readonly Interval[], locale: Locale): { days: string; times: string }[] {
  const byTimes = new Map<string, Weekday[]>()
  for (const i of intervals) {
    const times = `${i.opens}–${i.closes}`
    byTimes.set(times, [...(byTimes.get(times) ?? []), i.day])
  }
  return [...byTimes].map(([times, days]) => ({ days: dayRanges(days, locale), times }))
}

/** The time now in a zone, in the reader's language ("14:05"). */
export function timeIn(timeZone: string, locale: Locale, now: Date): string {
  return memo(`t:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' })).format(now)
}

/** A zone's city, as people say it: "Asia/Ho_Chi_Minh" is "Ho Chi Minh". */
export const zoneCity = (timeZone: string) => timeZone.split('/').pop()!.replace(/_/g, ' ')
