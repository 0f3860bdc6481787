// Times the Secretariat's report queries on 100k generated commitments, on a fresh PGlite and
// on a fresh database on the PostgreSQL server (dropped afterwards). Each query goes through
// the commitments subgraph's GraphQL endpoint as a staff member; the table shows the median of
// several runs after one warm-up run. Target: under 1 s each.
//
//   tsx scripts/bench/reports.ts [--count 100000] [--runs 5] [--seed 1] [--driver both|pglite|pg]
//                                [--out scripts/bench/results/reports.md]
//   BENCH_DATABASE_URL selects the server (default postgres://postgres@127.0.0.1:5432/postgres).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { buildSubgraphApp } from '../../subgraphs/common/app.ts'
import { openDb, type Db } from '../../subgraphs/common/db.ts'
import type { Identity } from '../../subgraphs/common/identity.ts'
import { migrate } from '../../subgraphs/common/migrate.ts'
import { definition } from '../../subgraphs/commitments/app.ts'
import { generateCommitments } from '../scale/commitments.ts'

const STAFF: Identity = Object.freeze({ sub: 'bench', role: 'secretariat', org: 'asean-secretariat', country: null, verified: true })
const NOW = new Date('2026-03-15T12:00:00Z')

const QUERIES: [name: string, query: string][] = [
  ['commitmentsByFocusArea, 2021-2025', `{ commitmentsByFocusArea(period: { from: "2021-01-01", to: "2025-12-31" }) { focusArea focusAreaLabel country pledged inProgress completed lapsed total } }`],
  ['commitmentsByFocusArea, 2024', `{ commitmentsByFocusArea(period: { from: "2024-01-01", to: "2024-12-31" }) { focusArea country pledged inProgress completed lapsed total } }`],
  ['coverageGaps, today', `{ coverageGaps { focusArea focusAreaLabel country } }`],
  ['coverageGaps, 2021-06-30', `{ coverageGaps(asOf: "2021-06-30") { focusArea country } }`],
  ['progressOverTime, area 4, quarters', `{ progressOverTime(focusArea: "rpa-2021-4") { periodStart periodEnd commitments averagePercent } }`],
  ['progressOverTime, area 4, TH, months', `{ progressOverTime(focusArea: "rpa-2021-4", country: "TH", interval: MONTH) { periodStart commitments averagePercent } }`],
  ['partnerCommitmentCounts, today', `{ partnerCommitmentCounts { partnerId pledged inProgress completed lapsed total } }`],
  ['commitments page (TH, in progress)', `{ commitments(filter: { country: "TH", status: IN_PROGRESS }, first: 50) { totalCount nodes { id title latestProgress { percent } } } }`],
]

interface Result {
  median: number
  rows: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function bench(db: Db, opts: { count: number; seed: number; runs: number }): Promise<{ generation: number; results: Result[] }> {
  await migrate(db, definition.dbSchema, definition.migrations)
  const started = performance.now()
  await generateCommitments(db, { count: opts.count, seed: opts.seed })
  const generation = performance.now() - started
  const app = await buildSubgraphApp(definition, { db, verifyIdentity: async () => STAFF, clock: () => NOW })
  const results: Result[] = []
  try {
    for (const [name, query] of QUERIES) {
      const times: number[] = []
      let rows = 0
      for (let run = 0; run <= opts.runs; run++) {
        const t0 = performance.now()
        const res = await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: 'Bearer bench' }, payload: { query } })
        const elapsed = performance.now() - t0
        const body = res.json()
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`)
        const data = Object.values(body.data)[0] as unknown[] | { nodes: unknown[] }
        rows = Array.isArray(data) ? data.length : data.nodes.length
        if (run > 0) times.push(elapsed)
      }
      results.push({ median: median(times), rows })
    }
  } finally {
    await app.close()
  }
  return { generation, results }
}

async function onPglite(opts: { count: number; seed: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'coea-bench-'))
  const db = openDb({ dataDir: dir })
  try {
    return await bench(db, opts)
  } finally {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function onServer(serverUrl: string, opts: { count: number; seed: number; runs: number }) {
  const name = `coea_bench_${process.pid}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const db = openDb({ url: url.toString(), dataDir: '' })
  try {
    return await bench(db, opts)
  } finally {
    await db.close()
    await admin(`drop database if exists ${name} with (force)`)
  }
}

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    driver: { type: 'string', default: 'both' },
    out: { type: 'string', default: 'scripts/bench/results/reports.md' },
  },
})
const opts = { count: Number(values.count), seed: Number(values.seed), runs: Number(values.runs) }
if (!['both', 'pglite', 'pg'].includes(values.driver!)) throw new Error('--driver must be both, pglite or pg')
const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

const columns: [string, Awaited<ReturnType<typeof bench>>][] = []
if (values.driver !== 'pg') columns.push(['PGlite', await onPglite(opts)])
if (values.driver !== 'pglite') columns.push(['PostgreSQL', await onServer(serverUrl, opts)])

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(10)
const width = Math.max(...QUERIES.map(([name]) => name.length))
console.log(`\n${opts.count} commitments (seed ${opts.seed}); median of ${opts.runs} runs after a warm-up; target < 1000 ms\n`)
console.log(`${'query'.padEnd(width)}  ${columns.map(([c]) => c.padStart(10)).join('  ')}   rows`)
QUERIES.forEach(([name], i) => {
  const slow = columns.some(([, r]) => r.results[i]!.median >= 1000) ? '  SLOW' : ''
  console.log(`${name.padEnd(width)}  ${columns.map(([, r]) => ms(r.results[i]!.median)).join('  ')}   ${columns[0]![1].results[i]!.rows}${slow}`)
})
console.log(`${'(generating the data)'.padEnd(width)}  ${columns.map(([, r]) => ms(r.generation)).join('  ')}`)

// The same table as Markdown, with the machine, beside the other benchmarks' results.
const cpus = os.cpus()
const md = [
  '# Report benchmark',
  '',
  `${new Date().toISOString()}. Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} after.`,
  `${opts.count} generated commitments (seed ${opts.seed}); each query through the commitments subgraph's GraphQL endpoint as Secretariat staff; median of ${opts.runs} runs after a warm-up. Target: under 1 s each.`,
  '',
  `| query | ${columns.map(([c]) => c).join(' | ')} | rows |`,
  `|---|${columns.map(() => '---:|').join('')}---:|`,
  ...QUERIES.map(([name], i) => `| ${name} | ${columns.map(([, r]) => `${r.results[i]!.median.toFixed(0)} ms`).join(' | ')} | ${columns[0]![1].results[i]!.rows} |`),
  `| (generating the data) | ${columns.map(([, r]) => `${(r.generation / 1000).toFixed(1)} s`).join(' | ')} | |`,
  '',
].join('\n')
writeFileSync(values.out!, md)
console.log(`\nWritten to ${values.out}`)
