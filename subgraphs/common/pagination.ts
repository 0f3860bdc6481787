// Opaque cursors over a stable order (sort key, then id), so rows inserted while a client pages
// neither repeat nor vanish: each page starts strictly after the last row seen.
import { clientError } from './errors.ts'

export interface Cursor {
  key: string
  id: string
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url')

export function decodeCursor(after: string | null | undefined): Cursor | null {
  if (after == null) return null
  try {
    const [key, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[]
    if (typeof key === 'string' && typeof id === 'string') return { key, id }
  } catch {
    // fall through to the error below
  }
  throw clientError('BAD_USER_INPUT', 'The "after" cursor is not one this API returned; pass endCursor from a previous page.', {
    argument: 'after',
  })
}

export function pageSize(first: number | null | undefined, max = 100): number {
  const n = first ?? 20
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw clientError('BAD_USER_INPUT', `"first" must be between 1 and ${max}; got ${n}.`, { argument: 'first' })
  }
  return n
}

/** Builds a connection from `limit + 1` rows fetched in order. */
export function connection<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor, totalCount: number) {
  const nodes = rows.slice(0, limit)
  const last = nodes.at(-1)
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(cursorOf(last)) : null },
  }
}
