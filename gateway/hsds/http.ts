// Query parameters, the HSDS Page wrapper and ndjson streaming, shared by the HSDS routes.
import { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { UUID_PATTERN } from './ids.ts'

export const DEFAULT_PER_PAGE = 50
export const MAX_PER_PAGE = 500

export class BadRequest extends Error {
  readonly statusCode = 400
}

type Query = Record<string, string | string[] | undefined>

function one(query: Query, name: string): string | undefined {
  const v = query[name]
  if (Array.isArray(v)) throw new BadRequest(`"${name}" was given more than once; give it once.`)
  return v === undefined || v === '' ? undefined : v
}

function integer(query: Query, name: string, fallback: number, min: number, max: number): number {
  const raw = one(query, name)
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new BadRequest(`"${name}" must be a whole number from ${min} to ${max}; got "${raw}".`)
  return n
}

export function bool(query: Query, name: string): boolean {
  const raw = one(query, name)
  if (raw === undefined || raw === 'false') return false
  if (raw === 'true') return true
  throw new BadRequest(`"${name}" must be true or false; got "${raw}".`)
}

export function uuid(query: Query, name: string): string | undefined {
  const raw = one(query, name)
  if (raw !== undefined && !UUID_PATTERN.test(raw)) throw new BadRequest(`"${name}" must be an HSDS id (a UUID); got "${raw}".`)
  return raw?.toLowerCase()
}

export function text(query: Query, name: string, max = 200): string | undefined {
  const raw = one(query, name)?.trim()
  if (raw && raw.length > max) throw new BadRequest(`"${name}" is at most ${max} characters.`)
  return raw || undefined
}

/** An ISO 8601 date or date-time, as a UTC instant string comparable with last_modified. */
export function instant(query: Query, name: string): string | undefined {
  const raw = one(query, name)
  if (raw === undefined) return undefined
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)
  const at = new Date(raw)
  if (!ok || Number.isNaN(at.getTime())) throw new BadRequest(`"${name}" must be an ISO 8601 date or date-time, such as "2026-01-31" or "2026-01-31T09:00:00Z"; got "${raw}".`)
  return at.toISOString()
}

/** Rejects HSDS parameters this API does not implement, rather than ignoring a filter. */
export function refuse(query: Query, names: readonly string[], hint: string) {
  for (const name of names) if (query[name] !== undefined) throw new BadRequest(`"${name}" is not supported here; ${hint}`)
}

export interface Paging {
  page: number
  perPage: number
  ndjson: boolean
}

export function paging(query: Query): Paging {
  const format = one(query, 'format') ?? 'json'
  if (format !== 'json' && format !== 'ndjson') throw new BadRequest(`"format" must be json or ndjson; got "${format}".`)
  return { page: integer(query, 'page', 1, 1, 1_000_000), perPage: integer(query, 'per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE), ndjson: format === 'ndjson' }
}

/** The HSDS Page wrapper. `size` is the number of items on this page. */
export function pageOf<T>(contents: T[], total: number, { page, perPage }: Paging) {
  const totalPages = Math.ceil(total / perPage)
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  }
}

/** In-memory paging for the small collections (taxonomies, terms, organizations). */
export const slice = <T>(all: T[], p: Paging) => pageOf(all.slice((p.page - 1) * p.perPage, p.page * p.perPage), all.length, p)

/**
 * Streams records as ndjson, pulling the next batch from the source only when the client has
 * taken the last one (Readable.from respects backpressure), so memory stays flat however many
 * records there are. An error mid-stream ends the response abnormally, which the client sees as
 * a truncated transfer rather than a complete file.
 */
export function sendNdjson(reply: FastifyReply, records: AsyncIterable<unknown>) {
  async function* lines() {
    let chunk = ''
    let n = 0
    for await (const r of records) {
      chunk += `${JSON.stringify(r)}\n`
      if (++n % 100 === 0) {
        yield chunk
        chunk = ''
      }
    }
    if (chunk) yield chunk
  }
  return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines(), { objectMode: false }))
}
