// Idempotent seeding: one statement per table, and rows that exist are left alone, so a seed
// never overwrites what people have since edited through the API.
import type { Queryable } from './db.ts'

export async function seedRows(db: Queryable, table: string, rows: readonly object[], conflict = 'id'): Promise<void> {
  if (rows.length === 0) return
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const list = columns.join(', ')
  await db.query(
    `insert into ${table} (${list})
     select ${list} from jsonb_populate_recordset(null::${table}, $1::jsonb)
     on conflict (${conflict}) do nothing`,
    [JSON.stringify(rows)],
  )
}

/** Shorthand for translated text in seed files: t({ en: '…', th: '…' }). */
export const t = (texts: Record<string, string>) => Object.entries(texts).map(([lang, value]) => ({ lang, value }))
