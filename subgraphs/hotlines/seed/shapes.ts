// The shape of the seed services and the helpers the seed files share.
import type { ChannelType, Visibility } from '../contacts.ts'
import type { HotlineKind } from '../repository.ts'
import type { Schedule } from '../schedule.ts'

/** When the seed facts were checked (the recorded copies of public pages, 2026). */
export const VERIFIED_AT = '2026-03-01T00:00:00Z'

export interface ChannelSeed {
  /** Appended to the service id to make the channel id. */
  key: string
  type: ChannelType
  value: string
  label?: Record<string, string>
  languages?: string[]
  visibility?: Visibility
  free?: boolean
  /** Defaults to true: the seed records only channels its sources confirm. */
  verified?: boolean
  verifiedAt?: string
  source?: string
  /** Own hours; 'UNKNOWN' when the channel's hours differ from the service's and are not known. */
  schedule?: Schedule | 'UNKNOWN'
}

export interface HotlineSeed {
  id: string
  kind: HotlineKind
  names: Record<string, string>
  description?: Record<string, string>
  /** null for international services. */
  country: string | null
  serves?: string[]
  international?: boolean
  platformReporting?: boolean
  /** A partner id from the partners subgraph's seed; null where no partner runs it or it is not confirmed. */
  operator: string | null
  harms: readonly string[] | 'ALL'
  ages?: { min?: number; max?: number; note?: Record<string, string> }
  languages: string[]
  /** null when the hours are not known. */
  schedule: Schedule | null
  rank?: number
  verifiedAt?: string
  source: string
  channels: ChannelSeed[]
}

export const always = (timeZone: string, note?: Record<string, string>): Schedule => ({
  timeZone,
  alwaysOpen: true,
  intervals: [],
  ...(note ? { note: Object.entries(note).map(([lang, value]) => ({ lang, value })) } : {}),
})

/** A website or form: reports can be made at any time, whatever the service's own hours. */
export const online = (key: string, type: ChannelType, url: string, extra: Partial<ChannelSeed> = {}): ChannelSeed => ({
  key,
  type,
  value: url,
  schedule: always('UTC', { en: 'Online: reports can be made at any time.' }),
  ...extra,
})

/**
 * A law-enforcement unit's escalation contact. The seed never carries a real one: this is an
 * example.org placeholder, marked as an example, unverified and restricted.
 */
export const exampleEscalation = (slug: string): ChannelSeed => ({
  key: 'escalation-example',
  type: 'EMAIL',
  value: `${slug}.escalation@example.org`,
  label: { en: "Example only: placeholder for the unit's escalation contact, not a real address" },
  visibility: 'RESTRICTED',
  verified: false,
  source: 'Example only: seed placeholder until the unit confirms its escalation contact',
  schedule: 'UNKNOWN',
})

const EMERGENCY_SOURCE = 'libphonenumber ShortNumberMetadata.xml, emergency numbers (H)'

/**
 * A country's emergency numbers. Only services the sources confirm are named (the police
 * numbers); the others are labelled as emergency numbers.
 */
export function emergency(country: string, zone: string, languages: string[], numbers: (string | [string, string, string])[]): HotlineSeed {
  const name = new Intl.DisplayNames('en', { type: 'region' }).of(country)
  return {
    id: `${country.toLowerCase()}-emergency`,
    kind: 'EMERGENCY',
    names: { en: `Emergency numbers (${name})` },
    description: { en: 'For a child in immediate danger. National short codes: dialable only inside the country.' },
    country,
    operator: null,
    harms: 'ALL',
    languages,
    schedule: always(zone),
    rank: 1,
    source: EMERGENCY_SOURCE,
    channels: numbers.map((n) => {
      const [digits, service, source] = Array.isArray(n) ? n : [n, null, null]
      return {
        key: digits,
        type: 'SHORT_CODE' as const,
        value: digits,
        label: { en: service ? `${service} (${digits})` : `Emergency number ${digits}` },
        source: source ? `${EMERGENCY_SOURCE}; ${source}` : EMERGENCY_SOURCE,
      }
    }),
  }
}
