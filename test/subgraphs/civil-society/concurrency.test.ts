// Two staff editing the same listing must never silently overwrite each other: of many writes
// based on the same version exactly one wins, on the embedded database (which runs one
// transaction at a time) and on a server, where the writes overlap on separate connections.
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { definition } from '../../../subgraphs/civil-society/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { aple, CHANGES, CREATE, programInput, UPDATE } from './fixtures/programs.ts'

const WRITERS = 50

for (const driver of ['pglite', 'pg'] as const) {
  t.test(`${WRITERS} concurrent updates from the same version: exactly one wins (${driver})`, async (t) => {
    const sg = await startTestSubgraph(t, definition, { driver, seed: false })
    const created = await sg.query(CREATE, { input: programInput() }, aple)
    t.notOk(created.errors)
    const id = created.data.createProgram.id

    const writeAll = () =>
      Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          sg.query(UPDATE, { id, v: 1, input: { titles: [{ lang: 'en', value: `Edit number ${i}` }] } }, aple),
        ),
      )
    let results: Awaited<ReturnType<typeof writeAll>>
    if (driver === 'pg') {
      // Requests are quick enough to finish one after another by chance. Hold the row locked
      // until every free connection has read version 1 and waits at its UPDATE, so the writes
      // truly race and only the conditional UPDATE can stop the losers.
      const { pending, waiting } = await sg.db.transaction(async (tx) => {
        await tx.query('select id from civil_society.program where id = $1 for update', [id])
        const pending = writeAll()
        let waiting = 0
        for (let i = 0; i < 400 && waiting < 9; i++) {
          await sleep(10)
          // Activity is read once per transaction unless the snapshot is dropped.
          await tx.query('select pg_stat_clear_snapshot()')
          const [row] = await tx.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          )
          waiting = row!.n
        }
        return { pending: [pending] as const, waiting }
      })
      t.ok(waiting >= 9, `${waiting} writers were waiting on the same row at once`)
      results = await pending[0]
    } else {
      results = await writeAll()
    }
    const winners = results.filter((r) => !r.errors)
    const losers = results.filter((r) => r.errors)
    t.equal(winners.length, 1, 'one write wins')
    t.equal(losers.length, WRITERS - 1)
    for (const r of losers) {
      t.equal(r.errors![0]!.extensions?.code, 'CONFLICT')
      t.equal(r.errors![0]!.extensions?.currentVersion, 2, 'the loser learns the version to reload')
    }
    const winner = winners[0]!.data.updateProgram
    t.equal(winner.version, 2)

    const now = await sg.query(`query($id: ID!) { program(id: $id) { version title } }`, { id })
    t.same(now.data.program, { version: 2, title: winner.title }, 'the stored program is the winning edit')

    const log = await sg.query(CHANGES, { id }, aple)
    const changes = log.data.program.changes
    t.same(changes.map((c: any) => c.version), [1, 2])
    t.same(changes[1].fields, [
      {
        field: 'titles',
        oldValue: JSON.stringify([{ lang: 'en', value: 'Online safety sessions for schools' }]),
        newValue: JSON.stringify([{ lang: 'en', value: winner.title }]),
      },
    ], 'the log holds exactly the winning change')
    const rows = await sg.db.query<{ n: number }>(
      `select count(*)::int as n from civil_society.program_change where entity_id = $1 and version = 2`,
      [id],
    )
    t.equal(rows[0]!.n, 1, 'no loser left a row in the log')
  })
}
