// Checks a service input as a whole (every violation at once, each with its field path) and
// turns it into field values named as in the API, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import { isId } from '../common/ids.ts'
import { Validator } from '../common/validate.ts'
import { checkLanguages } from './contacts.ts'
import type { HotlineKind, HotlineRow, HotlineStatus } from './repository.ts'
import { checkSchedule, type Schedule, type ScheduleInput } from './schedule.ts'
import { countries, has } from './texts.ts'

export interface AgesInput {
  min?: number | null
  max?: number | null
  notes?: LocalizedText[] | null
}

export interface HotlineInput {
  kind?: HotlineKind | null
  names?: LocalizedText[] | null
  descriptions?: LocalizedText[] | null
  country?: string | null
  servesCountries?: string[] | null
  acceptsInternationalReports?: boolean | null
  operator?: string | null
  harmTypes?: string[] | null
  ages?: AgesInput | null
  languages?: string[] | null
  schedule?: ScheduleInput | null
  status?: HotlineStatus | null
  source?: string | null
}

export interface Ages {
  min: number | null
  max: number | null
  note: LocalizedText[]
}

/** A service's fields, named as the API and the change log name them. */
export interface HotlineFields {
  kind: HotlineKind
  names: LocalizedText[]
  descriptions: LocalizedText[]
  country: string | null
  servesCountries: string[]
  acceptsInternationalReports: boolean
  operator: string | null
  harmTypes: string[]
  ages: Ages | null
  languages: string[]
  schedule: Schedule | null
  source: string
  status: HotlineStatus
  verified: boolean
  verifiedAt: Date | null
}

const agesOrNull = (a: Ages) => (a.min == null && a.max == null && a.note.length === 0 ? null : a)

export const fieldsOf = (row: HotlineRow, harmTypes: string[]): HotlineFields => ({
  kind: row.kind,
  names: row.names,
  descriptions: row.descriptions,
  country: row.country,
  servesCountries: row.serves,
  acceptsInternationalReports: row.international,
  operator: row.operator_id,
  harmTypes,
  ages: agesOrNull({ min: row.min_age, max: row.max_age, note: row.ages_note }),
  languages: row.languages,
  schedule: row.schedule,
  source: row.source,
  status: row.status,
  verified: row.verified,
  verifiedAt: row.verified_at,
})

function ages(v: Validator, input: AgesInput): Ages {
  for (const key of ['min', 'max'] as const) {
    const n = input[key]
    if (n != null && (n < 0 || n > 120)) v.fail(`input.ages.${key}`, `must be an age from 0 to 120 (got ${n})`)
  }
  if (input.min != null && input.max != null && input.min > input.max) v.fail('input.ages.max', `must not be below input.ages.min (${input.min})`)
  return { min: input.min ?? null, max: input.max ?? null, note: v.texts('input.ages.notes', input.notes ?? [], { max: 300 }) }
}

/**
 * The fields an input sets: every field on create, only the fields given on update (`current`
 * is the service being updated). `harmCodes` are the known codes in vocabulary order. Throws
 * BAD_USER_INPUT listing every violation.
 */
export function checkHotlineInput(input: HotlineInput, current: HotlineFields | null, harmCodes: readonly string[], v = new Validator()): Partial<HotlineFields> {
  const creating = current === null
  const out: Partial<HotlineFields> = {}
  const given = (key: keyof HotlineInput) => creating || has(input, key)
  const notNull = (key: keyof HotlineInput) => {
    if (input[key] != null) return true
    if (has(input, key) || creating) v.fail(`input.${key}`, creating ? 'is required' : 'cannot be cleared')
    return false
  }

  if (given('kind') && notNull('kind')) out.kind = input.kind!
  if (given('names') && notNull('names')) out.names = v.texts('input.names', input.names!, { max: 200, required: true })
  if (given('descriptions')) out.descriptions = v.texts('input.descriptions', input.descriptions ?? [], { max: 4000 })
  if (given('country')) out.country = v.country('input.country', input.country) ?? null
  if (given('servesCountries')) out.servesCountries = countries(v, 'input.servesCountries', input.servesCountries ?? [])
  if (creating) out.acceptsInternationalReports = input.acceptsInternationalReports ?? false
  else if (has(input, 'acceptsInternationalReports') && notNull('acceptsInternationalReports')) out.acceptsInternationalReports = input.acceptsInternationalReports!
  if (has(input, 'operator')) {
    if (input.operator != null && !isId(input.operator)) v.fail('input.operator', 'is not a partner id: 1-80 lower-case letters, digits and dashes')
    out.operator = input.operator ?? null
  }
  if (given('harmTypes') && notNull('harmTypes')) {
    const list = input.harmTypes!
    if (list.length === 0) v.fail('input.harmTypes', 'needs at least one harm type the service accepts')
    list.forEach((code, i) => v.oneOf(`input.harmTypes[${i}]`, code, harmCodes))
    out.harmTypes = harmCodes.filter((code) => list.includes(code))
  }
  if (given('ages')) out.ages = input.ages ? agesOrNull(ages(v, input.ages)) : null
  if (given('languages') && notNull('languages')) {
    if (input.languages!.length === 0) v.fail('input.languages', 'needs at least one language (BCP 47 tag)')
    out.languages = checkLanguages(v, 'input.languages', input.languages!)
  }
  if (given('schedule')) out.schedule = input.schedule ? (checkSchedule(v, 'input.schedule', input.schedule) ?? null) : null
  if (has(input, 'status') && notNull('status')) {
    if (input.status === 'RETIRED') v.fail('input.status', 'cannot be set here: retire a service with retireHotline')
    out.status = input.status!
  }
  if (has(input, 'source') && notNull('source')) {
    v.text('input.source', input.source, { required: true, max: 500 })
    out.source = input.source!.trim()
  }

  const country = has(out, 'country') ? out.country : current?.country
  const serves = out.servesCountries ?? current?.servesCountries ?? []
  const international = out.acceptsInternationalReports ?? current?.acceptsInternationalReports ?? false
  if (!country && serves.length === 0 && !international) {
    v.fail(has(input, 'country') || creating ? 'input.country' : 'input.servesCountries', 'is required: give the country the service belongs to (or, for an international service, servesCountries or acceptsInternationalReports)')
  }
  v.throwIfInvalid()
  return out
}
