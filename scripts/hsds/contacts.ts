// A hotline's contact channels from an HSDS service: the profile's contact_channels when present
// (every channel, messaging apps included), otherwise what core HSDS has: phones, contact emails
// and the service's url. Every imported channel is public; a channel's languages and hours are
// only written as its own when they differ from the service's.
import type { HoursInput } from './hours.ts'
import { arr, same, str } from './outcome.ts'

export interface ChannelInput {
  type: string
  value: string
  country?: string
  labels?: { lang: string; value: string }[]
  languages?: string[]
  visibility: 'PUBLIC'
  freeOfCharge?: boolean
  schedule?: HoursInput
  source: string
}

const DAYS = new Set(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'])

export function channelsFrom(s: Record<string, unknown>, serviceLanguages: string[], source: string, reasons: string[], warnings: string[] = []): ChannelInput[] {
  const label = (text: string | undefined) => (text ? { labels: [{ lang: 'en', value: text }] } : {})
  const languages = (list: string[]) => (list.length && !same(list, serviceLanguages) ? { languages: list } : {})
  const profile = arr(s.contact_channels)
  if (profile.length) {
    return profile.map((c, i) => {
      const hours = c.schedule && typeof c.schedule === 'object' && c.schedule_inherited === false ? (c.schedule as Record<string, unknown>) : null
      if (hours && (hours.intervals as { day: string }[] | undefined)?.some((x) => !DAYS.has(x.day))) reasons.push(`contact_channels[${i}].schedule: unknown day`)
      if (!c.schedule && c.schedule_inherited === false && arr(s.schedules).length) {
        warnings.push(`contact_channels[${i}] (${String(c.type)} ${String(c.value)}): its hours are unknown, but a channel without hours of its own takes the service's; check them`)
      }
      const note = hours && str(hours.note) ? { notes: [{ lang: 'en', value: str(hours.note)! }] } : {}
      return {
        type: String(c.type),
        value: String(c.value),
        ...(str(c.dialable_in) ? { country: str(c.dialable_in) } : {}),
        ...label(str(c.label)),
        ...languages(Array.isArray(c.languages) ? (c.languages as string[]) : []),
        visibility: 'PUBLIC' as const,
        ...(typeof c.free_of_charge === 'boolean' ? { freeOfCharge: c.free_of_charge } : {}),
        ...(hours ? { schedule: { timeZone: String(hours.timezone_name), alwaysOpen: hours.always_open === true, intervals: (hours.intervals as HoursInput['intervals']) ?? [], ...note } } : {}),
        source: str(c.source) ?? source,
      }
    })
  }
  const channels: ChannelInput[] = arr(s.phones).map((p) => {
    const number = str(p.e164) ?? str(p.number) ?? ''
    const type = str(p.channel_type) ?? (p.type === 'text' ? 'SMS' : number.startsWith('+') ? 'PHONE' : 'SHORT_CODE')
    const tags = arr(p.languages).map((l) => str(l.bcp47) ?? str(l.code)).filter((t): t is string => !!t)
    return { type, value: number, ...(str(p.dialable_in) ? { country: str(p.dialable_in) } : {}), ...label(str(p.description)), ...languages(tags), visibility: 'PUBLIC' as const, source: str(p.source) ?? source }
  })
  for (const c of arr(s.contacts)) if (str(c.email)) channels.push({ type: 'EMAIL', value: str(c.email)!, ...label(str(c.name)), visibility: 'PUBLIC', source })
  if (str(s.url)) channels.push({ type: 'WEBSITE', value: str(s.url)!, visibility: 'PUBLIC', source })
  return channels
}

const PHONE = /^\+?[\d\s()-]+$/
const digits = (v: string) => v.replace(/[^\d+]/g, '')

/** Two channels are the same when their type and value are (phone numbers compared by digits: "#163" is not "163"). */
export const sameChannel = (a: { type: string; value: string }, b: { type: string; value: string }) =>
  a.type === b.type && (a.value === b.value || (PHONE.test(a.value) && PHONE.test(b.value) && digits(a.value) === digits(b.value)))
