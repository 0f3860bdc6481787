// Checks a route input as a whole (every violation at once, each with its field path) and turns
// it into field values named as in the API, the names the change log records.
import type { Validator } from '../common/validate.ts'
import type { RouteRow, RouteStatus } from './repository.ts'

export interface RouteInput {
  url?: string | null
  email?: string | null
  note?: string | null
  source?: string | null
  status?: RouteStatus | null
}

/** A route's writable fields, named as the LawEnforcementRoute type and the change log name them. */
export interface RouteFields {
  url: string | null
  email: string | null
  note: string
  source: string | null
  example: boolean
  status: RouteStatus
}

export const fieldsOf = (row: RouteRow): RouteFields => ({
  url: row.url,
  email: row.email,
  note: row.note,
  source: row.source,
  example: row.example,
  status: row.status,
})

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/**
 * The fields an input sets. A new route, and a write over an example placeholder, set every
 * field: nothing of a placeholder may survive into a real route. Otherwise only the fields
 * given change. Violations go to `v`; the caller throws.
 */
export function checkRouteInput(input: RouteInput, current: RouteRow | null, v: Validator): Partial<RouteFields> {
  const replacing = current === null || current.example
  const given = (key: keyof RouteInput) => replacing || has(input, key)
  const out: Partial<RouteFields> = {}
  if (given('url')) {
    const url = input.url?.trim() || null
    v.url('input.url', url)
    if (url && !url.startsWith('https://')) v.fail('input.url', 'must be an https:// address: requests carry evidence about children')
    out.url = url
  }
  if (given('email')) {
    out.email = input.email?.trim() || null
    v.email('input.email', out.email)
  }
  if (given('note')) {
    if (input.note == null) v.fail('input.note', replacing ? 'is required: say how law enforcement should use this route' : 'cannot be cleared')
    else v.text('input.note', input.note, { required: true, max: 1000 })
    out.note = input.note?.trim() ?? ''
  }
  if (given('source')) {
    v.text('input.source', input.source, { max: 300 })
    out.source = input.source?.trim() || null
  }
  if (replacing) {
    out.example = false
    out.status = 'ACTIVE'
  }
  if (!replacing && has(input, 'status')) {
    if (input.status == null) v.fail('input.status', 'cannot be cleared')
    else if (input.status === 'RETIRED') v.fail('input.status', 'cannot be set here: retire a route with retireLawEnforcementRoute')
    else out.status = input.status
  }
  const url = has(out, 'url') ? out.url : current?.url
  const email = has(out, 'email') ? out.email : current?.email
  if (!url && !email) v.fail('input.url', 'or input.email is required: a route needs somewhere to send requests')
  return out
}
