// Checks a project input as a whole (every violation at once, each with its field path) and
// turns it into field values named as in the API, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import type { Validator } from '../common/validate.ts'
import type { ProjectRow, ProjectStatus } from './repository.ts'

/** The focus areas of the 2021-2025 Regional Plan of Action (owned by the commitments subgraph). */
export const FOCUS_AREA_CODES = [1, 2, 3, 4, 5, 6, 7].map((n) => `rpa-2021-${n}`)
const WRITABLE_STATUSES: ProjectStatus[] = ['ONGOING', 'COMPLETED', 'NOT_CONFIRMED']

export interface ProjectInput {
  agency?: string | null
  titles?: LocalizedText[] | null
  summaries?: LocalizedText[] | null
  countries?: string[] | null
  focusAreas?: string[] | null
  startedOn?: string | null
  endedOn?: string | null
  status?: ProjectStatus | null
  source?: string | null
}

/** A project's writable fields, named as the API and the change log name them. */
export interface ProjectFields {
  titles: LocalizedText[]
  summaries: LocalizedText[]
  countries: string[]
  focusAreas: string[]
  startedOn: string | null
  endedOn: string | null
  status: ProjectStatus
  source: string | null
}

export const fieldsOf = (row: ProjectRow): ProjectFields => ({
  titles: row.titles,
  summaries: row.summaries,
  countries: row.countries,
  focusAreas: row.focus_areas,
  startedOn: row.started_on,
  endedOn: row.ended_on,
  status: row.status,
  source: row.source,
})

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
const unique = <T>(values: T[]) => [...new Set(values)]

/**
 * The fields an input sets: every field on create, only the fields given on update (`current`
 * is the row being updated). Violations go to `v`; the caller throws.
 */
export function checkProjectInput(input: ProjectInput, current: ProjectRow | null, v: Validator): Partial<ProjectFields> {
  const creating = current === null
  const out: Partial<ProjectFields> = {}
  const given = (key: keyof ProjectInput) => creating || has(input, key)

  if (given('titles')) {
    if (input.titles == null) v.fail('input.titles', creating ? 'is required' : 'cannot be cleared')
    else {
      out.titles = v.texts('input.titles', input.titles, { max: 300 })
      if (out.titles.length === 0) v.fail('input.titles', 'needs at least one title')
    }
  }
  if (given('summaries')) out.summaries = v.texts('input.summaries', input.summaries ?? [], { max: 4000 })
  if (given('countries')) {
    const list = input.countries ?? []
    if (list.length > 30) v.fail('input.countries', `may have at most 30 countries (got ${list.length})`)
    out.countries = unique(list.map((c, i) => v.country(`input.countries[${i}]`, c) ?? c))
  }
  if (given('focusAreas')) {
    const list = input.focusAreas ?? []
    list.forEach((code, i) => v.oneOf(`input.focusAreas[${i}]`, code, FOCUS_AREA_CODES))
    out.focusAreas = unique(list)
  }
  if (given('startedOn')) out.startedOn = input.startedOn ?? null
  if (given('endedOn')) out.endedOn = input.endedOn ?? null
  const start = has(out, 'startedOn') ? out.startedOn : current?.started_on
  const end = has(out, 'endedOn') ? out.endedOn : current?.ended_on
  if (start && end && end < start) v.fail(has(out, 'endedOn') ? 'input.endedOn' : 'input.startedOn', `the project would end (${end}) before it starts (${start})`)
  if (creating && input.status == null) out.status = 'ONGOING'
  else if (given('status')) {
    if (input.status == null) v.fail('input.status', 'cannot be cleared')
    else if (input.status === 'RETIRED') v.fail('input.status', 'cannot be set here: retire a project with retireTechnicalAssistanceProject')
    else v.oneOf('input.status', input.status, WRITABLE_STATUSES)
    out.status = input.status ?? undefined
  }
  if (given('source')) {
    v.text('input.source', input.source, { max: 300 })
    out.source = input.source?.trim() || null
  }
  return out
}
