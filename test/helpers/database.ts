// Test databases: PGlite in memory, or a fresh database on the PostgreSQL server per test run,
// dropped in teardown, so runs never see each other's rows.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
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
    const db = openDb({ dataDir, startFrom: dataDir.startsWith('memory://') ? await freshPglite() : undefined })
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

// A freshly initialised PGlite data folder (initdb done, nothing else), dumped once and kept beside
// the installed packages: starting from it saves each test process initdb's second or two. Each
// database is still empty and private to its test. Written under a temporary name, then renamed,
// so that test processes starting together never read a half-written file.
const TEMPLATE_DIR = new URL('../../node_modules/.cache/coea-directory/', import.meta.url)
let template: Promise<Blob> | undefined

function freshPglite(): Promise<Blob> {
  return (template ??= (async () => {
    const { version } = JSON.parse(await readFile(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }
    const file = new URL(`pglite-${version}-initdb.tar`, TEMPLATE_DIR)
    try {
      return new Blob([await readFile(file)])
    } catch {
      const db = await PGlite.create('memory://', { extensions: { pg_trgm } })
      const dump = await db.dumpDataDir('none')
      await db.close()
      await mkdir(TEMPLATE_DIR, { recursive: true })
      const partial = new URL(`${file.pathname.split('/').pop()}.${process.pid}.partial`, TEMPLATE_DIR)
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()))
      await rename(partial, file)
      return dump
    }
  })())
}
