// Opening hours to HSDS schedules: one weekly schedule per distinct opening and closing time, with
// the days it applies to in `byday` (RFC 5545). Times carry the zone's UTC offset ("08:00+07:00")
// and `timezone` the offset in hours, as HSDS asks; the IANA zone itself is the profile's
// `timezone_name`. Open 24 hours is 00:00 to 23:59 every day, the convention HSDS documents,
// and the profile's `always_open` says so outright; a closing time of "24:00" (end of day) is
// written 23:59 the same way. A closing time at or before the opening time runs past midnight.
import { hsdsId } from './ids.ts'
import type { OpeningHours } from './graphql.ts'
import { offsetHours, utcOffset } from './time.ts'

const DAYS: Record<string, string> = { MONDAY: 'MO', TUESDAY: 'TU', WEDNESDAY: 'WE', THURSDAY: 'TH', FRIDAY: 'FR', SATURDAY: 'SA', SUNDAY: 'SU' }
const ALL_DAYS = Object.values(DAYS).join(',')

export interface HsdsSchedule {
  id: string
  service_id: string
  freq: 'WEEKLY'
  wkst: 'MO'
  byday: string
  opens_at: string
  closes_at: string
  timezone: number
  description: string
  notes?: string
  timezone_name: string
  always_open: boolean
}

const clock = (time: string) => (time === '24:00' ? '23:59' : time)

export function schedules(hours: OpeningHours | null, serviceId: string, at: Date = new Date()): HsdsSchedule[] {
  if (!hours) return []
  const offset = utcOffset(hours.timeZone, at)
  const common = { service_id: serviceId, freq: 'WEEKLY' as const, wkst: 'MO' as const, timezone: offsetHours(offset), timezone_name: hours.timeZone }
  const notes = hours.note ? { notes: hours.note } : {}
  if (hours.alwaysOpen) {
    return [
      {
        id: hsdsId('schedule', serviceId, 'always'),
        ...common,
        byday: ALL_DAYS,
        opens_at: `00:00${offset}`,
        closes_at: `23:59${offset}`,
        description: `Open 24 hours a day, 7 days a week (${hours.timeZone}).`,
        ...notes,
        always_open: true,
      },
    ]
  }
  const groups = new Map<string, string[]>()
  for (const i of hours.intervals) {
    const key = `${i.opens}-${i.closes}`
    groups.set(key, [...(groups.get(key) ?? []), DAYS[i.day] ?? i.day])
  }
  return [...groups].map(([key, days]) => {
    const [opens, closes] = key.split('-') as [string, string]
    return {
      id: hsdsId('schedule', serviceId, key, days.join(',')),
      ...common,
      byday: days.join(','),
      opens_at: `${clock(opens)}${offset}`,
      closes_at: `${clock(closes)}${offset}`,
      description: `${days.join(', ')} ${opens} to ${closes} (${hours.timeZone}${closes <= opens ? ', closing the next day' : ''}).`,
      ...notes,
      always_open: false,
    }
  })
}
