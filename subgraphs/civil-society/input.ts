// Checks a program input as a whole (every violation at once, each with its field path) and
// turns it into field values named as in the API, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import type { NormalisedPhone } from '../common/phones.ts'
import { Validator } from '../common/validate.ts'
import type { OwnerKind, ProgramRow, ProgramStatus } from './repository.ts'

export const FOCUS_AREAS = ['rpa-2021-1', 'rpa-2021-2', 'rpa-2021-3', 'rpa-2021-4', 'rpa-2021-5', 'rpa-2021-6', 'rpa-2021-7'] as const
export const HARM_TYPES = [
  'csam', 'csam-ai', 'grooming', 'sextortion', 'livestream', 'self-generated', 'nci-sharing',
  'trafficking-sexual', 'sectt', 'obscene-to-child', 'sexualised-cyberbullying', 'misleading-content',
] as const
const WRITABLE_STATUSES: ProgramStatus[] = ['PLANNED', 'ACTIVE', 'ENDED']

interface ContactsInput {
  website?: string | null
  email?: string | null
  phone?: string | null
  phoneCountry?: string | null
  source?: string | null
}

export interface ProgramInput {
  owner?: { id: string; kind: OwnerKind } | null
  titles?: LocalizedText[] | null
  descriptions?: LocalizedText[] | null
  countries?: string[] | null
  focusAreas?: string[] | null
  harmTypes?: string[] | null
  audiences?: string[] | null
  status?: ProgramStatus | null
  startsOn?: string | null
  endsOn?: string | null
  contacts?: ContactsInput | null
}

/** A program's writable fields, named as the API and the change log name them. */
export interface ProgramFields {
  titles: LocalizedText[]
  descriptions: LocalizedText[]
  countries: string[]
  focusAreas: string[]
  harmTypes: string[]
  audiences: string[]
  status: ProgramStatus
  startsOn: string | null
  endsOn: string | null
  'contacts.website': string | null
  'contacts.email': string | null
  'contacts.phone': NormalisedPhone | null
  'contacts.source': string | null
}

export const fieldsOf = (row: ProgramRow): ProgramFields => ({
  titles: row.titles,
  descriptions: row.descriptions,
  countries: row.countries,
  focusAreas: row.focus_areas,
  harmTypes: row.harm_types,
  audiences: row.audiences,
  status: row.status,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  'contacts.website': row.website,
  'contacts.email': row.email,
  'contacts.phone': row.phone,
  'contacts.source': row.contacts_source,
})

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
const unique = <T>(values: T[]) => [...new Set(values)]

function codes(v: Validator, path: string, list: string[], allowed: readonly string[]): string[] {
  list.forEach((code, i) => v.oneOf(`${path}[${i}]`, code, allowed))
  return unique(list)
}

/**
 * The fields an input sets: every field on create, only the fields given on update (`current`
 * is the row being updated). Throws BAD_USER_INPUT listing every violation.
 */
export function checkProgramInput(input: ProgramInput, current: ProgramRow | null, v = new Validator()): Partial<ProgramFields> {
  const creating = current === null
  const out: Partial<ProgramFields> = {}
  const given = (key: keyof ProgramInput) => creating || has(input, key)
  const notNull = (key: keyof ProgramInput) => {
    if (input[key] != null) return true
    if (has(input, key) || creating) v.fail(`input.${key}`, creating ? 'is required' : 'cannot be cleared')
    return false
  }

  if (given('titles') && notNull('titles')) out.titles = v.texts('input.titles', input.titles!, { max: 200, required: true })
  if (given('descriptions')) out.descriptions = v.texts('input.descriptions', input.descriptions ?? [], { max: 4000 })
  if (given('countries') && notNull('countries')) {
    const list = input.countries!
    if (list.length === 0) v.fail('input.countries', 'needs at least one country')
    if (list.length > 30) v.fail('input.countries', `may have at most 30 countries (got ${list.length})`)
    out.countries = unique(list.map((c, i) => v.country(`input.countries[${i}]`, c) ?? c))
  }
  if (given('focusAreas')) out.focusAreas = codes(v, 'input.focusAreas', input.focusAreas ?? [], FOCUS_AREAS)
  if (given('harmTypes')) out.harmTypes = codes(v, 'input.harmTypes', input.harmTypes ?? [], HARM_TYPES)
  if (given('audiences')) out.audiences = unique(input.audiences ?? [])
  if (creating && input.status == null) out.status = 'ACTIVE'
  else if (given('status') && notNull('status')) {
    if (input.status === 'ARCHIVED') v.fail('input.status', 'cannot be set here: archive a program with archiveProgram')
    else v.oneOf('input.status', input.status, WRITABLE_STATUSES)
    out.status = input.status!
  }
  if (given('startsOn')) out.startsOn = input.startsOn ?? null
  if (given('endsOn')) out.endsOn = input.endsOn ?? null
  const start = has(out, 'startsOn') ? out.startsOn : current?.starts_on
  const end = has(out, 'endsOn') ? out.endsOn : current?.ends_on
  if (start && end && end < start) {
    const path = has(out, 'endsOn') ? 'input.endsOn' : 'input.startsOn'
    v.fail(path, `the program would end (${end}) before it starts (${start})`)
  }
  contacts(v, input.contacts, creating, out.countries ?? current?.countries ?? [], out)
  v.throwIfInvalid()
  return out
}

function contacts(v: Validator, input: ContactsInput | null | undefined, creating: boolean, countries: string[], out: Partial<ProgramFields>) {
  const c = input ?? {}
  const given = (key: keyof ContactsInput) => creating || has(c, key)
  if (given('website')) {
    v.url('input.contacts.website', c.website?.trim())
    out['contacts.website'] = c.website?.trim() || null
  }
  if (given('email')) {
    v.email('input.contacts.email', c.email?.trim())
    out['contacts.email'] = c.email?.trim() || null
  }
  const country = v.country('input.contacts.phoneCountry', c.phoneCountry) ?? (countries.length === 1 ? countries[0] : null)
  if (c.phoneCountry != null && c.phone == null) v.fail('input.contacts.phoneCountry', 'is only used together with input.contacts.phone')
  if (given('phone')) out['contacts.phone'] = (c.phone != null && v.phone('input.contacts.phone', c.phone, country)) || null
  if (given('source')) {
    v.text('input.contacts.source', c.source, { max: 300 })
    out['contacts.source'] = c.source?.trim() || null
  }
}
