// Checks a contact-channel input as a whole (every violation at once, with field paths) and
// turns it into field values named as in the API, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import { Validator } from '../common/validate.ts'
import { checkChannelValue, checkLanguages, type ChannelType, type ChannelValue, type Visibility } from './contacts.ts'
import type { ChannelRow, ChannelStatus } from './repository.ts'
import { checkSchedule, type Schedule, type ScheduleInput } from './schedule.ts'
import { has } from './texts.ts'

export interface ChannelInput {
  type?: ChannelType | null
  value?: string | null
  country?: string | null
  labels?: LocalizedText[] | null
  languages?: string[] | null
  visibility?: Visibility | null
  freeOfCharge?: boolean | null
  schedule?: ScheduleInput | null
  source?: string | null
  /** Create only: the channel was checked as it is entered. */
  verified?: boolean | null
  /** Update only: ACTIVE restores a retired channel. */
  status?: ChannelStatus | null
}

/** A channel's fields, named as the API and the change log name them. */
export interface ChannelFields {
  type: ChannelType
  value: string
  dialableIn: string | null
  labels: LocalizedText[]
  /** The channel's own languages; empty: the service's. */
  languages: string[]
  visibility: Visibility
  freeOfCharge: boolean | null
  /** The channel's own hours; null with scheduleInherited false: not known. */
  schedule: Schedule | null
  scheduleInherited: boolean
  source: string
  status: ChannelStatus
  verified: boolean
  verifiedAt: Date | null
}

/** What people dial, open or write to, and when: a change to any of them needs a new check. */
export const CONTACT_FIELDS: readonly (keyof ChannelFields)[] = ['type', 'value', 'dialableIn', 'schedule', 'scheduleInherited']

export const channelFieldsOf = (row: ChannelRow): ChannelFields => ({
  type: row.type,
  value: row.value,
  dialableIn: row.dialable_in,
  labels: row.labels,
  languages: row.own_languages,
  visibility: row.visibility,
  freeOfCharge: row.free_of_charge,
  schedule: row.inherits_schedule ? null : row.own_schedule,
  scheduleInherited: row.inherits_schedule,
  source: row.source,
  status: row.status,
  verified: row.verified,
  verifiedAt: row.verified_at,
})

export interface CheckedChannel {
  fields: Partial<ChannelFields>
  /** The normalised value with its display form, when type, value or country was given. */
  normalised: ChannelValue | null
}

/**
 * The fields an input sets: every field on create, only the fields given on update (`current`).
 * `serviceCountry` is where national numbers and short codes belong unless the input or the
 * channel says otherwise. Throws BAD_USER_INPUT listing every violation.
 */
export function checkChannelInput(input: ChannelInput, current: ChannelRow | null, serviceCountry: string | null): CheckedChannel {
  const v = new Validator()
  const creating = current === null
  const out: Partial<ChannelFields> = {}
  const given = (key: keyof ChannelInput) => creating || has(input, key)
  const notNull = (key: keyof ChannelInput) => {
    if (input[key] != null) return true
    if (has(input, key) || creating) v.fail(`input.${key}`, creating ? 'is required' : 'cannot be cleared')
    return false
  }

  let normalised: ChannelValue | null = null
  const typeOk = given('type') ? notNull('type') : true
  const valueOk = given('value') ? notNull('value') : true
  if (creating || has(input, 'type') || has(input, 'value') || has(input, 'country')) {
    const type = (input.type ?? current?.type)!
    const raw = input.value ?? current?.value
    const country = input.country != null ? (v.country('input.country', input.country) ?? null) : (current?.dialable_in ?? serviceCountry)
    if (typeOk && valueOk && type && raw != null) {
      normalised = checkChannelValue(v, 'input.value', type, raw, country) ?? null
      if (normalised) Object.assign(out, { type, value: normalised.value, dialableIn: normalised.dialable_in })
    }
  }
  if (given('labels')) out.labels = v.texts('input.labels', input.labels ?? [], { max: 200 })
  if (given('languages')) out.languages = checkLanguages(v, 'input.languages', input.languages ?? [])
  if (creating) out.visibility = input.visibility ?? 'PUBLIC'
  else if (has(input, 'visibility') && notNull('visibility')) out.visibility = input.visibility!
  if (given('freeOfCharge')) out.freeOfCharge = input.freeOfCharge ?? null
  if (has(input, 'source') && notNull('source')) {
    v.text('input.source', input.source, { required: true, max: 500 })
    out.source = input.source!.trim()
  }
  if (given('schedule')) {
    out.schedule = input.schedule ? (checkSchedule(v, 'input.schedule', input.schedule) ?? null) : null
    out.scheduleInherited = !input.schedule
  }
  if (has(input, 'status') && notNull('status')) {
    if (input.status === 'RETIRED') v.fail('input.status', 'cannot be set here: retire a channel with retireContactChannel')
    out.status = input.status!
  }
  v.throwIfInvalid()
  return { fields: out, normalised }
}
