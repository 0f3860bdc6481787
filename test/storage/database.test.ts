// The database module behaves the same on PGlite and on the PostgreSQL server.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { migrate } from '../../subgraphs/common/migrate.ts'
import { seedRows } from '../../subgraphs/common/seed.ts'
import { createTestDatabase, type Driver } from '../helpers/database.ts'

const migrations = mkdtempSync(join(tmpdir(), 'migrations-'))
writeFileSync(join(migrations, '001_items.sql'), 'create table demo.item (id text primary key, label text not null);\ncreate index item_label on demo.item (label);\n')
writeFileSync(join(migrations, '002_count.sql'), 'alter table demo.item add column n integer not null default 0;\n')

for (const driver of ['pglite', 'pg'] as Driver[]) {
  t.test(`storage on ${driver}`, async (t) => {
    const database = await createTestDatabase(driver)
    t.teardown(() => database.drop())
    const { db } = database

    t.test('migrations run in order, once, and twice at the same time is safe', async (t) => {
      const [first, second] = await Promise.all([migrate(db, 'demo', migrations), migrate(db, 'demo', migrations)])
      t.same([...first, ...second].sort(), ['001_items.sql', '002_count.sql'], 'each migration applied exactly once')
      t.same(await migrate(db, 'demo', migrations), [], 'nothing left to apply')
    })

    t.test('a transaction commits when it resolves and rolls back when it throws', async (t) => {
      await db.transaction((tx) => tx.query(`insert into demo.item (id, label) values ('a', 'kept')`))
      await t.rejects(
        db.transaction(async (tx) => {
          await tx.query(`insert into demo.item (id, label) values ('b', 'lost')`)
          throw new Error('abort')
        }),
      )
      t.same(await db.query('select id from demo.item order by id'), [{ id: 'a' }])
    })

    t.test('seeding is idempotent and never overwrites an edit', async (t) => {
      await seedRows(db, 'demo.item', [{ id: 's1', label: 'seeded', n: 1 }])
      await db.query(`update demo.item set label = 'edited' where id = 's1'`)
      await seedRows(db, 'demo.item', [{ id: 's1', label: 'seeded', n: 1 }, { id: 's2', label: 'ไทย', n: 2 }])
      t.same(await db.query(`select id, label, n from demo.item where id like 's%' order by id`), [
        { id: 's1', label: 'edited', n: 1 },
        { id: 's2', label: 'ไทย', n: 2 },
      ])
    })

    t.test('arrays, jsonb and timestamps come back as JavaScript values', async (t) => {
      const [row] = await db.query<{ a: string[]; j: { x: number }; ts: Date }>(`select $1::text[] as a, $2::jsonb as j, now() as ts`, [['TH', 'VN'], JSON.stringify({ x: 1 })])
      t.same(row!.a, ['TH', 'VN'])
      t.same(row!.j, { x: 1 })
      t.ok(row!.ts instanceof Date)
    })
  })
}
