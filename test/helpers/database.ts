// Test databases: PGlite in memory, or a fresh database on the PostgreSQL server per test run,
// dropped in teardown, so runs never see each other's rows.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDb, type Db } from '../../subgraphs/common/db.ts'

export type Driver = 'pglite' | 'pg'

/** The server the storage tests use; `TEST_DATABASE_URL` overrides it. */
export const SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'

export interface TestDatabase {
  db: Db
  /** postgres:// URL for 'pg', undefined for PGlite. */
  url: string | undefined
  dataDir: string
  drop(): Promise<void>
}

export async function createTestDatabase(driver: Driver, dataDir = `memory://${randomBytes(6).toString('hex')}`): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const db = openDb({ dataDir })
    return { db, url: undefined, dataDir, drop: () => db.close() }
  }
  const name = `coea_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  const db = openDb({ url: url.toString(), dataDir })
  return {
    db,
    url: url.toString(),
    dataDir,
    async drop() {
      await db.close()
      const client = new pg.Client({ connectionString: SERVER_URL })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}
