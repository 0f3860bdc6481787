// What happened to each record of an import, and the context the steps share.
import { describe, GraphQLRequestError, type Client } from './client.ts'
import type { Directory } from './directory.ts'

export type Status = 'created' | 'updated' | 'unchanged' | 'rejected' | 'not importable yet'

export interface Outcome {
  type: 'organization' | 'service'
  /** Where in the file: "line 3", "item 2", "line 3 (its organization)". */
  where: string
  hsdsId?: string
  name?: string
  status: Status
  /** The directory id written or matched. */
  directoryId?: string
  /** Why a record was rejected or cannot be imported yet, one reason each. */
  reasons: string[]
  /** Fields a create or update set (or would set, in a dry run). */
  fields?: string[]
  /** What was written differently from the file, and why. */
  warnings?: string[]
}

export interface ImportContext {
  client: Client
  dir: Directory
  dryRun: boolean
  /** `source` for records that do not say where they come from. */
  source: string
  /** HSDS organization id -> the partner it was matched to or created as in this run. */
  organizations: Map<string, { id: string; kind: string }>
}

export const has = (ctx: ImportContext, mutation: string) => ctx.dir.mutations === null || ctx.dir.mutations.has(mutation)

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
export const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [])

/** Sorted JSON, so two values compare equal whatever the order of their lists. */
export const same = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b))
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canon(x)]))
  return v ?? null
}

/** Attribute records -> the directory codes they stand for, by taxonomy; others are not this directory's. */
export function termCodes(ctx: ImportContext, record: Record<string, unknown>) {
  const codes = { 'harm-types': [] as string[], 'focus-areas': [] as string[], mnr: [] as string[], audiences: [] as string[] }
  for (const a of arr(record.attributes)) {
    const term = ctx.dir.terms.get(String(a.taxonomy_term_id ?? '').toLowerCase())
    if (term && !codes[term.key].includes(term.code)) codes[term.key].push(term.code)
  }
  return codes
}

/** Runs one write (or, in a dry run, only says what it would do); refusals become rejections. */
export async function write(
  ctx: ImportContext,
  base: Omit<Outcome, 'status'>,
  id: string | undefined,
  fields: string[],
  mutation: string,
  variables: Record<string, unknown>,
  status: 'created' | 'updated',
): Promise<Outcome> {
  if (ctx.dryRun) return { ...base, status, directoryId: id, fields }
  try {
    const data = await ctx.client<Record<string, { id: string }>>(mutation, variables)
    return { ...base, status, directoryId: Object.values(data)[0]!.id, fields }
  } catch (err) {
    if (!(err instanceof GraphQLRequestError)) throw err
    return { ...base, status: 'rejected', reasons: err.errors.map(describe) }
  }
}
