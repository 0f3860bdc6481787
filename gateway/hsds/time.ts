// HSDS schedules carry a UTC offset (`timezone`, a number of hours, and offsets in opens_at and
// closes_at); the directory keeps IANA zones, which the profile exports as `timezone_name`. The
// offset is the zone's offset at the given instant: ASEAN zones keep no daylight saving time, so
// it does not change, but a zone that does would be exported with today's offset.

/** "+07:00", "+06:30", "-05:00", or "+00:00" for UTC. */
export function utcOffset(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value
  const match = part?.match(/^GMT([+-]\d{2}):?(\d{2})?$/)
  if (!match) return '+00:00'
  return `${match[1]}:${match[2] ?? '00'}`
}

/** The offset as HSDS `schedule.timezone` wants it: hours, with fractions (6.5 for +06:30). */
export function offsetHours(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1
  const [h, m] = offset.slice(1).split(':').map(Number)
  return sign * (h! + m! / 60)
}
