// Checks a resource input as a whole (every violation at once, each with its field path) and
// turns it into field values named as in the API, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import { isId } from '../common/ids.ts'
import { Validator } from '../common/validate.ts'
import type { ResourceRow, ResourceStatus } from './repository.ts'

export const FOCUS_AREAS = ['rpa-2021-1', 'rpa-2021-2', 'rpa-2021-3', 'rpa-2021-4', 'rpa-2021-5', 'rpa-2021-6', 'rpa-2021-7'] as const
export const HARM_TYPES = [
  'csam', 'csam-ai', 'grooming', 'sextortion', 'livestream', 'self-generated', 'nci-sharing',
  'trafficking-sexual', 'sectt', 'obscene-to-child', 'sexualised-cyberbullying', 'misleading-content',
] as const
// What the table accepts (001_resources.sql): an http(s) address with a dotted host.
const STORED_URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(\/\S*)?$/

export interface ResourceInput {
  kind?: string | null
  titles?: LocalizedText[] | null
  summaries?: LocalizedText[] | null
  url?: string | null
  languages?: string[] | null
  audiences?: string[] | null
  focusAreas?: string[] | null
  harmTypes?: string[] | null
  countries?: string[] | null
  publisher?: string | null
  copublishers?: string[] | null
  publishedOn?: string | null
  publishedYear?: number | null
  status?: ResourceStatus | null
  source?: string | null
}

/** A resource's fields, named as the API and the change log name them. */
export interface ResourceFields {
  kind: string
  titles: LocalizedText[]
  summaries: LocalizedText[]
  url: string | null
  languages: string[]
  audiences: string[]
  focusAreas: string[]
  harmTypes: string[]
  countries: string[]
  publisher: string
  copublishers: string[]
  publishedOn: string | null
  publishedYear: number | null
  source: string | null
  status: ResourceStatus
  verified: boolean
  verifiedAt: Date | null
}

export const fieldsOf = (row: ResourceRow): ResourceFields => ({
  kind: row.kind,
  titles: row.titles,
  summaries: row.summaries,
  url: row.url,
  languages: row.languages,
  audiences: row.audiences,
  focusAreas: row.focus_areas,
  harmTypes: row.harm_types,
  countries: row.countries,
  publisher: row.publisher,
  copublishers: row.copublishers,
  publishedOn: row.published_on,
  publishedYear: row.published_year,
  source: row.source,
  status: row.status,
  verified: row.verified,
  verifiedAt: row.verified_at,
})

export const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
const unique = <T>(values: readonly T[]) => [...new Set(values)]

const codes = (v: Validator, path: string, list: readonly string[], allowed: readonly string[]) => {
  list.forEach((code, i) => v.oneOf(`${path}[${i}]`, code, allowed))
  return unique(list)
}

/**
 * The fields an input sets: every field on create, only the fields given on update (`current`).
 * Who may set the publisher is decided by the caller. Throws BAD_USER_INPUT listing every violation.
 */
export function checkResourceInput(input: ResourceInput, current: ResourceFields | null, v = new Validator()): Partial<ResourceFields> {
  const creating = current === null
  const out: Partial<ResourceFields> = {}
  const given = (key: keyof ResourceInput) => creating || has(input, key)
  const notNull = (key: keyof ResourceInput) => {
    if (input[key] != null) return true
    if (has(input, key) || creating) v.fail(`input.${key}`, creating ? 'is required' : 'cannot be cleared')
    return false
  }

  if (given('kind') && notNull('kind')) out.kind = input.kind!
  if (given('titles') && notNull('titles')) out.titles = v.texts('input.titles', input.titles!, { max: 400, required: true })
  if (given('summaries')) out.summaries = v.texts('input.summaries', input.summaries ?? [], { max: 4000 })
  if (given('url')) {
    const url = input.url?.trim() || null
    const before = v.violations.length
    v.url('input.url', url)
    if (url && v.violations.length === before && !STORED_URL.test(url)) v.fail('input.url', 'must be an http(s) address with a host, such as "https://example.org/report"')
    out.url = url
  }
  if (given('languages')) out.languages = unique((input.languages ?? []).map((tag, i) => v.language(`input.languages[${i}]`, tag) ?? tag))
  if (given('audiences')) out.audiences = unique(input.audiences ?? [])
  if (given('focusAreas')) out.focusAreas = codes(v, 'input.focusAreas', input.focusAreas ?? [], FOCUS_AREAS)
  if (given('harmTypes')) out.harmTypes = codes(v, 'input.harmTypes', input.harmTypes ?? [], HARM_TYPES)
  if (given('countries')) {
    const list = input.countries ?? []
    if (list.length > 30) v.fail('input.countries', `may have at most 30 countries (got ${list.length})`)
    out.countries = unique(list.map((c, i) => v.country(`input.countries[${i}]`, c) ?? c))
  }
  if (has(input, 'publisher') && notNull('publisher')) {
    if (!isId(input.publisher!)) v.fail('input.publisher', 'is not a partner id: 1-80 lower-case letters, digits and dashes')
    out.publisher = input.publisher!
  }
  const publisher = out.publisher ?? current?.publisher
  if (given('copublishers')) {
    const list = input.copublishers ?? []
    list.forEach((id, i) => {
      if (!isId(id)) v.fail(`input.copublishers[${i}]`, 'is not a partner id: 1-80 lower-case letters, digits and dashes')
      else if (id === publisher) v.fail(`input.copublishers[${i}]`, `is the lead publisher ("${id}"): list only the other publishers`)
    })
    out.copublishers = unique(list)
  }
  if (given('publishedOn')) out.publishedOn = input.publishedOn ?? null
  if (has(input, 'publishedYear')) {
    const year = input.publishedYear
    if (year != null && (year < 1900 || year > 2100)) v.fail('input.publishedYear', `must be a year from 1900 to 2100 (got ${year})`)
    out.publishedYear = year ?? null
  }
  // A known day fixes the year.
  const day = has(out, 'publishedOn') ? out.publishedOn : current?.publishedOn
  if (day) {
    const year = Number(day.slice(0, 4))
    if (has(out, 'publishedYear') && out.publishedYear !== year) v.fail('input.publishedYear', `must be ${year}, the year of publishedOn (${day}), or be left out`)
    out.publishedYear = year
  } else if (creating && !has(out, 'publishedYear')) out.publishedYear = null
  if (has(input, 'status') && notNull('status')) {
    if (input.status === 'RETIRED') v.fail('input.status', 'cannot be set here: retire a resource with retireResource')
    out.status = input.status!
  }
  if (has(input, 'source') && notNull('source')) {
    v.text('input.source', input.source, { required: true, max: 500 })
    out.source = input.source!.trim()
  }
  v.throwIfInvalid()
  return out
}
