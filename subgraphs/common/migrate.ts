// Numbered migrations (001_name.sql, …) per subgraph, each subgraph in its own PostgreSQL
// schema. Safe to run twice and from several processes at once (advisory lock).
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from './db.ts'

export async function migrate(db: Db, schema: string, dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort()
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`migrate:${schema}`])
    await tx.query(`create schema if not exists ${schema}`)
    await tx.query('create extension if not exists pg_trgm')
    await tx.query(
      `create table if not exists ${schema}.schema_migrations (
         version text primary key, applied_at timestamptz not null default now())`,
    )
    const done = new Set(
      (await tx.query<{ version: string }>(`select version from ${schema}.schema_migrations`)).map((r) => r.version),
    )
    const applied: string[] = []
    for (const file of files) {
      if (done.has(file)) continue
      const sql = await readFile(join(dir, file), 'utf8')
      for (const statement of splitStatements(sql)) await tx.query(statement)
      await tx.query(`insert into ${schema}.schema_migrations (version) values ($1)`, [file])
      applied.push(file)
    }
    return applied
  })
}

// Prepared statements take one command each; migrations keep to plain statements ending in ';'.
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean)
}
