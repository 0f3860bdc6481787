// Optimistic concurrency and field-level change logs for the write paths: a write names the
// version it read, a stale version gets CONFLICT (with the current version) and writes nothing,
// and every accepted write records who changed which field from what to what, in the same
// transaction as the write itself. The versioned update and the version read are here too, for
// every subgraph's tables (each with a `version` column and updated_at/_by/_by_org).
//
// Each subgraph keeps its log in its own schema, in a table of this shape:
//   create table <schema>.<entity>_change (
//     id bigint generated always as identity primary key,
//     entity_id text not null, version integer not null,
//     actor_sub text, actor_org text, at timestamptz not null,
//     field text not null, old_value jsonb, new_value jsonb,
//     unique (entity_id, version, field));
// The unique key is a second guard: two writes can never both log the same version.
import type { Queryable } from './db.ts'
import { clientError } from './errors.ts'
import type { Identity } from './identity.ts'

export interface FieldChange {
  field: string
  old: unknown
  new: unknown
}

export interface ChangeEntry {
  entityId: string
  /** The version the write produced. */
  version: number
  actorSub: string | null
  actorOrg: string | null
  at: Date
}

export interface ChangeRow extends ChangeEntry, FieldChange {}

/** One accepted write: every field it changed, under the version it produced. */
export interface Revision extends ChangeEntry {
  fields: FieldChange[]
}

export const actorOf = (identity: Identity, at: Date) => ({ actorSub: identity.sub, actorOrg: identity.org, at })

// Key order must not make equal values look different (jsonb does not keep it).
function canonical(value: unknown): string {
  if (value === undefined) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b)

/**
 * The fields of `next` whose value differs from `before`. Only keys present in `next` count,
 * so a partial update compares just what it sets; a missing `before` key counts as null.
 */
export function fieldChanges(before: object, next: object): FieldChange[] {
  const old = before as Record<string, unknown>
  return Object.entries(next)
    .filter(([field, value]) => !sameValue(old[field] ?? null, value ?? null))
    .map(([field, value]) => ({ field, old: old[field] ?? null, new: value ?? null }))
}

/** CONFLICT naming the version to reload; `extensions.currentVersion` lets clients do it without parsing. */
export function versionConflict(what: string, id: string, expected: number, current: number) {
  return clientError(
    'CONFLICT',
    `The ${what} "${id}" has changed since you read it: you sent version ${expected}, it is now at version ${current}. ` +
      'Nothing was written; reload it, reapply your edit and send the current version.',
    { id, expectedVersion: expected, currentVersion: current },
  )
}

export function expectVersion(what: string, row: { id: string; version: number }, expected: number): void {
  if (row.version !== expected) throw versionConflict(what, row.id, expected, row.version)
}

// Table names come from code, never from input; the check keeps it that way.
function checkTable(table: string): string {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a schema-qualified table name: ${table}`)
  return table
}

/** Who wrote, and when: the audit columns a write sets. */
export interface WriteMeta {
  at: Date
  by: string | null
  org: string | null
}

/** A table written under optimistic concurrency: a `version` column and the audit columns. */
export interface VersionedTable {
  /** Schema-qualified, from code. */
  table: string
  /** How each writable column's parameter is typed; jsonb values are sent as JSON text. Other keys are not written. */
  casts: Readonly<Record<string, string>>
  /** The key column; `id` unless named. */
  key?: string
}

// Column names come from code as well.
function checkColumn(column: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`not a column name: ${column}`)
  return column
}

/**
 * The columns `set` names that `casts` types, their parameters, `$n::type` placeholders numbered
 * after `offset`, and `column = $n::type` assignments: for inserts and updates alike.
 */
export function assignments(casts: Readonly<Record<string, string>>, set: object, offset: number) {
  const values = set as Record<string, unknown>
  const columns = Object.keys(values).filter((c) => Object.prototype.hasOwnProperty.call(casts, c)).map(checkColumn)
  const params = columns.map((c) => (casts[c] === 'jsonb' && values[c] != null ? JSON.stringify(values[c]) : values[c]))
  const placeholders = columns.map((c, i) => `$${i + offset + 1}::${casts[c]}`)
  return { columns, params, placeholders, sql: columns.map((c, i) => `${c} = ${placeholders[i]}`) }
}

/**
 * Writes `set` only if the row is still at `expected`, moving it to the next version, and returns
 * the `returning` columns of the row written (null when it was not: it has changed or is gone).
 * Of concurrent writers that read the same version only one can succeed, on any driver or
 * isolation level.
 */
export async function updateIfVersion<Row extends object>(
  db: Queryable,
  target: VersionedTable,
  id: string,
  expected: number,
  set: object,
  meta: WriteMeta,
  returning: string = target.key ?? 'id',
): Promise<Row | null> {
  const a = assignments(target.casts, set, 5)
  const [row] = await db.query<Row>(
    `update ${checkTable(target.table)}
        set ${[...a.sql, 'version = version + 1', 'updated_at = $3', 'updated_by = $4', 'updated_by_org = $5'].join(', ')}
      where ${checkColumn(target.key ?? 'id')} = $1 and version = $2
      returning ${returning}`,
    [id, expected, meta.at, meta.by, meta.org, ...a.params],
  )
  return row ?? null
}

/** The version a row is at now (null when there is none), for the CONFLICT a lost write reports. */
export async function currentVersion(db: Queryable, target: Pick<VersionedTable, 'table' | 'key'>, id: string): Promise<number | null> {
  const [row] = await db.query<{ version: number }>(
    `select version from ${checkTable(target.table)} where ${checkColumn(target.key ?? 'id')} = $1`,
    [id],
  )
  return row?.version ?? null
}

/** Records one write's field changes in one statement; call it inside the write's transaction. */
export async function recordChanges(tx: Queryable, table: string, entry: ChangeEntry, changes: readonly FieldChange[]): Promise<void> {
  if (changes.length === 0) return
  await tx.query(
    `insert into ${checkTable(table)} (entity_id, version, actor_sub, actor_org, at, field, old_value, new_value)
     select $1, $2, $3, $4, $5, c.field, c.old, c.new
       from jsonb_to_recordset($6::jsonb) as c(field text, old jsonb, new jsonb)`,
    [entry.entityId, entry.version, entry.actorSub, entry.actorOrg, entry.at, JSON.stringify(changes.map((c) => ({ ...c, old: c.old ?? null, new: c.new ?? null })))],
  )
}

/** The change log of several entities in one statement, oldest first. */
export async function readChanges(db: Queryable, table: string, entityIds: readonly string[]): Promise<ChangeRow[]> {
  const rows = await db.query<{
    entity_id: string
    version: number
    actor_sub: string | null
    actor_org: string | null
    at: Date
    field: string
    old_value: unknown
    new_value: unknown
  }>(
    `select entity_id, version, actor_sub, actor_org, at, field, old_value, new_value
       from ${checkTable(table)} where entity_id = any($1::text[]) order by entity_id, version, id`,
    [entityIds],
  )
  return rows.map((r) => ({
    entityId: r.entity_id,
    version: r.version,
    actorSub: r.actor_sub,
    actorOrg: r.actor_org,
    at: r.at,
    field: r.field,
    old: r.old_value ?? null,
    new: r.new_value ?? null,
  }))
}

/** Groups change rows (ordered by version) into one revision per accepted write. */
export function revisions(rows: readonly ChangeRow[]): Revision[] {
  const out: Revision[] = []
  for (const row of rows) {
    let last = out.at(-1)
    if (!last || last.entityId !== row.entityId || last.version !== row.version) {
      last = { entityId: row.entityId, version: row.version, actorSub: row.actorSub, actorOrg: row.actorOrg, at: row.at, fields: [] }
      out.push(last)
    }
    last.fields.push({ field: row.field, old: row.old, new: row.new })
  }
  return out
}

const asJson = (value: unknown) => (value == null ? null : JSON.stringify(value))

/** A revision as every subgraph's `changes` field answers it: old and new values as JSON text. */
export const revisionView = (r: Revision) => ({
  version: r.version,
  at: r.at,
  actorSub: r.actorSub,
  actorOrg: r.actorOrg,
  fields: r.fields.map((f) => ({ field: f.field, oldValue: asJson(f.old), newValue: asJson(f.new) })),
})
