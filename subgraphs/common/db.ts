// One small database module: PostgreSQL everywhere, either embedded (PGlite, a data folder)
// or a real server (pg). Repositories only see the `Db` interface.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import pg from 'pg'

export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>
}

export interface Db extends Queryable {
  readonly driver: 'pglite' | 'pg'
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Called with every statement's text; used by tests that count statements. */
  onQuery?: (text: string) => void
  close(): Promise<void>
}

export interface DbLocation {
  /** postgres://… selects a server; otherwise the embedded data folder is used. */
  url?: string
  /** Embedded data folder; `memory://` keeps it in memory (tests). */
  dataDir: string
  /**
   * A dumped embedded data folder (PGlite's dumpDataDir) to start from when the folder is opened
   * the first time in this process: tests use a freshly initialised one to skip initdb.
   */
  startFrom?: Blob
}

// PGlite is one WASM PostgreSQL per instance (about 300 MB): subgraphs in one process share it.
const embedded = new Map<string, { db: Promise<PGlite>; users: number }>()
const pools = new Map<string, { pool: pg.Pool; users: number }>()

function pgliteDb(key: string, shared: { db: Promise<PGlite>; users: number }): Db {
  const self: Db = {
    driver: 'pglite',
    async query(text, params) {
      self.onQuery?.(text)
      const db = await shared.db
      return (await db.query(text, params as unknown[])).rows as never
    },
    async transaction(fn) {
      const db = await shared.db
      return db.transaction((tx) =>
        fn({
          async query(text, params) {
            self.onQuery?.(text)
            return (await tx.query(text, params as unknown[])).rows as never
          },
        }),
      )
    },
    async close() {
      shared.users -= 1
      if (shared.users > 0) return
      embedded.delete(key)
      await (await shared.db).close()
    },
  }
  return self
}

function serverDb(url: string, shared: { pool: pg.Pool; users: number }): Db {
  const self: Db = {
    driver: 'pg',
    async query(text, params) {
      self.onQuery?.(text)
      return (await shared.pool.query(text, params)).rows
    },
    async transaction(fn) {
      const client = await shared.pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({
          async query(text, params) {
            self.onQuery?.(text)
            return (await client.query(text, params)).rows
          },
        })
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    async close() {
      shared.users -= 1
      if (shared.users > 0) return
      pools.delete(url)
      await shared.pool.end()
    },
  }
  return self
}

export function openDb(location: DbLocation): Db {
  if (location.url) {
    let shared = pools.get(location.url)
    if (!shared) {
      const pool = new pg.Pool({ connectionString: location.url, max: 10 })
      // An idle client's error (server restart) must not end the process; the next query reconnects.
      pool.on('error', () => undefined)
      shared = { pool, users: 0 }
      pools.set(location.url, shared)
    }
    shared.users += 1
    return serverDb(location.url, shared)
  }
  let shared = embedded.get(location.dataDir)
  if (!shared) {
    if (!location.dataDir.startsWith('memory://')) mkdirSync(location.dataDir, { recursive: true })
    shared = {
      db: PGlite.create(location.dataDir, { extensions: { pg_trgm }, loadDataDir: location.startFrom }).then(async (db) => {
        await db.exec('create extension if not exists pg_trgm')
        return db
      }),
      users: 0,
    }
    embedded.set(location.dataDir, shared)
  }
  shared.users += 1
  return pgliteDb(location.dataDir, shared)
}
