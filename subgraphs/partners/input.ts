// Checks a partner input as a whole (every violation at once, each with its field path) and
// turns it into field values named as in the Partner type, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import { isId } from '../common/ids.ts'
import { Validator } from '../common/validate.ts'
import type { PartnerKind, PartnerRow, PartnerScope, PartnerStatus } from './repository.ts'

export const FOCUS_AREAS = ['rpa-2021-1', 'rpa-2021-2', 'rpa-2021-3', 'rpa-2021-4', 'rpa-2021-5', 'rpa-2021-6', 'rpa-2021-7'] as const

export interface PartnerInput {
  id?: string | null
  kind?: PartnerKind | null
  names?: LocalizedText[] | null
  descriptions?: LocalizedText[] | null
  scope?: PartnerScope | null
  countries?: string[] | null
  headquarters?: string | null
  website?: string | null
  focusAreas?: string[] | null
  source?: string | null
  status?: PartnerStatus | null
}

/** A partner's writable fields, named as the Partner type and the change log name them. */
export interface PartnerFields {
  kind: PartnerKind
  names: LocalizedText[]
  descriptions: LocalizedText[]
  scope: PartnerScope
  countries: string[]
  headquarters: string | null
  website: string | null
  focusAreas: string[]
  status: PartnerStatus
  'verification.verified': boolean
  'verification.verifiedAt': Date | null
  'verification.verifiedBy': string | null
  'verification.source': string | null
}

/** What a partner's own staff may change; everything else is the Secretariat's. */
export const PROFILE_INPUTS: readonly (keyof PartnerInput)[] = ['names', 'descriptions', 'website']

export const fieldsOf = (row: PartnerRow): PartnerFields => ({
  kind: row.kind,
  names: row.names,
  descriptions: row.descriptions,
  scope: row.scope,
  countries: row.countries,
  headquarters: row.headquarters,
  website: row.website,
  focusAreas: row.focus_areas,
  status: row.status,
  'verification.verified': row.verified,
  'verification.verifiedAt': row.verified_at,
  'verification.verifiedBy': row.verified_by,
  'verification.source': row.source,
})

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
const unique = <T>(values: T[]) => [...new Set(values)]
const isEnglish = (lang: string) => lang === 'en' || lang.startsWith('en-')

/** The id a new partner gets: the one asked for, or its English name as a slug. */
export function partnerId(input: PartnerInput, names: LocalizedText[] | undefined, v: Validator): string {
  if (input.id != null) {
    if (!isId(input.id)) v.fail('input.id', 'is not a partner id: 1-80 lower-case letters, digits and dashes, such as "kh-example-foundation"')
    return input.id
  }
  const name = names?.find((t) => isEnglish(t.lang))?.value ?? ''
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '')
  if (names && !isId(slug)) v.fail('input.id', 'is required: the English name gives no usable id, so name one (lower-case letters, digits and dashes)')
  return slug
}

/**
 * The fields an input sets: every field on registration, only the fields given on update
 * (`current` is the row being updated). Reports every violation in `v`; the caller throws.
 */
export function checkPartnerInput(input: PartnerInput, current: PartnerRow | null, v: Validator): Partial<PartnerFields> {
  const creating = current === null
  const out: Partial<PartnerFields> = {}
  const given = (key: keyof PartnerInput) => creating || has(input, key)
  const notNull = (key: keyof PartnerInput) => {
    if (input[key] != null) return true
    if (has(input, key) || creating) v.fail(`input.${key}`, creating ? 'is required' : 'cannot be cleared')
    return false
  }

  if (given('kind') && notNull('kind')) out.kind = input.kind!
  if (given('names') && notNull('names')) {
    out.names = v.texts('input.names', input.names!, { max: 200 })
    if (!out.names.some((t) => isEnglish(t.lang))) v.fail('input.names', 'needs a name in English (lang "en"): the directory is ordered and found by it')
  }
  if (given('descriptions')) out.descriptions = v.texts('input.descriptions', input.descriptions ?? [], { max: 4000 })
  if (creating) out.scope = input.scope ?? 'NATIONAL'
  else if (given('scope') && notNull('scope')) out.scope = input.scope!
  if (given('countries') && notNull('countries')) {
    const list = input.countries!
    if (list.length > 60) v.fail('input.countries', `may have at most 60 countries (got ${list.length})`)
    out.countries = unique(list.map((c, i) => v.country(`input.countries[${i}]`, c) ?? c))
  }
  const scope = out.scope ?? current?.scope
  const countries = out.countries ?? current?.countries ?? []
  if (scope === 'NATIONAL' && countries.length === 0) {
    v.fail(has(out, 'countries') ? 'input.countries' : 'input.scope', 'a NATIONAL partner needs the country it works in')
  }
  if (given('headquarters')) {
    const hq = v.country('input.headquarters', input.headquarters) ?? null
    // A national partner registered without headquarters is headquartered where it works.
    out.headquarters = hq ?? (creating && countries.length === 1 ? countries[0]! : null)
  }
  if (given('website')) {
    v.url('input.website', input.website?.trim())
    out.website = input.website?.trim() || null
  }
  if (given('focusAreas')) {
    const list = input.focusAreas ?? []
    list.forEach((code, i) => v.oneOf(`input.focusAreas[${i}]`, code, FOCUS_AREAS))
    out.focusAreas = unique(list)
  }
  if (given('source') && notNull('source')) {
    v.text('input.source', input.source, { required: true, max: 300 })
    out['verification.source'] = input.source!.trim()
  }
  if (creating) out.status = 'ACTIVE'
  else if (given('status') && notNull('status')) {
    if (input.status === 'RETIRED') v.fail('input.status', 'cannot be set here: retire a partner with retirePartner')
    out.status = input.status!
  }
  return out
}
