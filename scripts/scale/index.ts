// Fills every subgraph's schema with generated data for load tests: 10k partners, 20k services
// with channels and opening hours, 100k programs and 100k commitments by default. Reproducible
// (seeded PRNG: the same seed gives the same rows), idempotent (existing ids are left alone) and
// bulk (one unnest insert per batch). Migrations and the normal seed run first.
//
//   npm run scale -- --data-dir ./.data-scale [--seed 1] [--partners 10000] [--programs 100000] …
//   npm run scale -- --database-url postgres://…
//   DATABASE_URL / DATABASE_URL_<SUBGRAPH> / DATA_DIR in the environment work as for `npm start`.
import { parseArgs } from 'node:util'
import { readSubgraphConfig, type SubgraphName } from '../../subgraphs/common/config.ts'
import type { Db } from '../../subgraphs/common/db.ts'
import { prepareDatabase } from '../../subgraphs/common/server.ts'
import { loadDefinitions } from '../../subgraphs/index.ts'
import { PARTNER_IDS } from '../../subgraphs/partners/seed.ts'
import { generateCommitments } from './commitments.ts'
import { generateHotlines } from './hotlines.ts'
import { generatePartners } from './partners.ts'
import { generatePrograms } from './programs.ts'

export interface ScaleCounts {
  partners: number
  programs: number
  hotlines: number
  commitments: number
}

export const DEFAULT_COUNTS: ScaleCounts = Object.freeze({ partners: 10_000, programs: 100_000, hotlines: 20_000, commitments: 100_000 })

const ANALYZE = ['partners.partner', 'hotlines.hotline', 'hotlines.hotline_harm', 'hotlines.channel', 'civil_society.program', 'commitments.commitment', 'commitments.progress_update']

/** Migrates, seeds and fills every subgraph's database as `env` locates it; returns seconds per step. */
export async function generateScaleData(
  env: NodeJS.ProcessEnv,
  opts: { seed: number; counts?: Partial<ScaleCounts>; log?: (line: string) => void },
): Promise<Record<string, number>> {
  const counts = { ...DEFAULT_COUNTS, ...opts.counts }
  const log = opts.log ?? (() => undefined)
  const timings: Record<string, number> = {}
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    const result = await fn()
    timings[name] = (performance.now() - started) / 1000
    log(`${name}: ${timings[name]!.toFixed(1)} s`)
    return result
  }
  const dbs = new Map<SubgraphName, Db>()
  try {
    await step('migrations and seed', async () => {
      for (const def of await loadDefinitions()) dbs.set(def.name, (await prepareDatabase(def, readSubgraphConfig(def.name, env))).db)
    })
    const db = (name: SubgraphName) => dbs.get(name)!
    const partners = await step(`${counts.partners} partners`, () => generatePartners(db('partners'), { count: counts.partners, seed: opts.seed }))
    await step(`${counts.hotlines} services with channels`, () => generateHotlines(db('hotlines'), { count: counts.hotlines, seed: opts.seed + 2, operators: partners }))
    await step(`${counts.programs} programs`, () => generatePrograms(db('civil-society'), { count: counts.programs, seed: opts.seed + 3, owners: partners }))
    await step(`${counts.commitments} commitments`, () =>
      generateCommitments(db('commitments'), { count: counts.commitments, seed: opts.seed + 4, partnerIds: [...PARTNER_IDS, ...partners.map((p) => p.id)] }),
    )
    // Fresh statistics, so the planner sees the generated rows rather than the empty tables it last saw.
    await step('analyze', async () => {
      for (const table of ANALYZE) await db(table.startsWith('civil_society') ? 'civil-society' : (table.split('.')[0] as SubgraphName)).query(`analyze ${table}`)
    })
  } finally {
    for (const db of dbs.values()) await db.close()
  }
  return timings
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      partners: { type: 'string' },
      programs: { type: 'string' },
      hotlines: { type: 'string' },
      commitments: { type: 'string' },
    },
  })
  const env = { ...process.env }
  if (values['database-url']) env.DATABASE_URL = values['database-url']
  if (values['data-dir']) env.DATA_DIR = values['data-dir']
  if (!env.DATABASE_URL && !env.DATA_DIR) throw new Error('Say where: --data-dir <folder>, --database-url postgres://…, or DATA_DIR / DATABASE_URL')
  const counts: Partial<ScaleCounts> = {}
  for (const key of Object.keys(DEFAULT_COUNTS) as (keyof ScaleCounts)[]) {
    if (values[key] === undefined) continue
    const n = Number(values[key])
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${key} must be a whole number; got "${values[key]}"`)
    counts[key] = n
  }
  const seed = Number(values.seed)
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer; got "${values.seed}"`)
  const started = performance.now()
  await generateScaleData({ ...env, LOG_LEVEL: env.LOG_LEVEL || 'warn' }, { seed, counts, log: (line) => console.log(line) })
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed}).`)
}
