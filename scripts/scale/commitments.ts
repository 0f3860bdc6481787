// Generates N commitments with progress reports for load and report benchmarks: reproducible
// (a seeded PRNG, so the same seed gives the same rows) and fast (one unnest insert per batch).
// Every generated row says it is generated: source "generated scale data", ids "scale-…".
//
//   tsx scripts/scale/commitments.ts --database-url postgres://… [--count 100000] [--seed 1]
//   tsx scripts/scale/commitments.ts --data-dir ./.data-scale [--count 100000] [--seed 1]
import { parseArgs } from 'node:util'
import { openDb, type Db } from '../../subgraphs/common/db.ts'
import { ASEAN_MEMBER_CODES } from '../../subgraphs/common/countries.ts'
import { migrate } from '../../subgraphs/common/migrate.ts'
import { definition } from '../../subgraphs/commitments/app.ts'
import { seedReference } from '../../subgraphs/commitments/seed.ts'
import { deriveStatus, type Report } from '../../subgraphs/commitments/status.ts'
import { PARTNER_IDS } from '../../subgraphs/partners/seed.ts'

export interface ScaleOptions {
  count: number
  seed: number
  batchSize?: number
  /** No date is generated after this day, so reports "as of today" see finished histories. */
  until?: string
  /** Partners the commitments belong to (default: the seeded partners). */
  partnerIds?: readonly string[]
}

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for test data, not for secrets. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) }
}

const DAY = 86_400_000
const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY
const date = (n: number) => new Date(n * DAY).toISOString().slice(0, 10)

const COMMITMENTS = `insert into commitments.commitment
  (id, partner_id, plan, focus_area, mnr_capability, countries, titles, status, pledged_on, target_date, started_on, closed_on, source, updated_by)
  select r.id, r.partner, 'rpa-coea-2021-2025', 'rpa-2021-' || r.area, r.mnr, string_to_array(r.countries, ','),
         jsonb_build_array(jsonb_build_object('lang', 'en', 'value', 'Generated scale-test commitment ' || r.id)),
         r.status, r.pledged::date, r.target::date, r.started::date, r.closed::date, 'generated scale data', 'scale'
    from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         as r(id, partner, area, mnr, countries, status, pledged, target, started, closed)
  on conflict (id) do nothing`

const REPORTS = `insert into commitments.progress_update (id, commitment_id, date, percent, note, author, author_role, recorded_at)
  select r.cid || '-' || r.n, r.cid, r.d::date, r.p, 'Generated scale-test progress note.', 'scale', 'admin',
         (r.d::date + time '12:00') at time zone 'UTC'
    from unnest($1::text[], $2::int[], $3::text[], $4::int[]) as r(cid, n, d, p)
  on conflict (id) do nothing`

/** Inserts `count` commitments (and their reports) in batches; returns how many reports. */
export async function generateCommitments(db: Db, opts: ScaleOptions): Promise<{ commitments: number; reports: number }> {
  const rnd = prng(opts.seed)
  const batchSize = opts.batchSize ?? 5000
  const first = day('2021-01-01')
  const last = day(opts.until ?? '2026-03-01')
  const pick = <T>(list: readonly T[]) => list[rnd.int(0, list.length - 1)]!
  const partners = opts.partnerIds ?? PARTNER_IDS
  await seedReference(db)
  let reports = 0
  for (let start = 0; start < opts.count; start += batchSize) {
    const c: unknown[][] = Array.from({ length: 10 }, () => [])
    const p: unknown[][] = Array.from({ length: 4 }, () => [])
    for (let i = start; i < Math.min(start + batchSize, opts.count); i++) {
      const id = `scale-${opts.seed}-${String(i + 1).padStart(7, '0')}`
      const countries = new Set(Array.from({ length: rnd.int(1, 3) }, () => pick(ASEAN_MEMBER_CODES)))
      const pledged = rnd.int(first, last - 30)
      const target = rnd.next() < 0.8 ? pledged + rnd.int(365, 4 * 365) : null
      const history: Report[] = []
      let when = pledged
      let percent = 0
      for (let n = rnd.int(0, 5); n > 0 && percent < 100; n--) {
        when += rnd.int(30, 400)
        if (when > last) break
        percent = Math.min(100, percent + rnd.int(0, 45))
        history.push([date(when), percent])
      }
      const lastReport = history.length ? day(history.at(-1)![0]) : pledged
      const lapsed = percent < 100 && target !== null && target < last && rnd.next() < 0.3 ? date(Math.max(target, lastReport) + 1) : null
      const derived = deriveStatus(history, lapsed)
      const row = [id, pick(partners), rnd.int(1, 7), rnd.next() < 0.7 ? `MNR-${rnd.int(1, 21)}` : null, [...countries].join(','),
        derived.status, date(pledged), target === null ? null : date(target), derived.started_on, derived.closed_on]
      row.forEach((value, k) => c[k]!.push(value))
      history.forEach(([d, pct], n) => [id, n + 1, d, pct].forEach((value, k) => p[k]!.push(value)))
    }
    await db.transaction(async (tx) => {
      await tx.query(COMMITMENTS, c)
      if (p[0]!.length) await tx.query(REPORTS, p)
    })
    reports += p[0]!.length
  }
  // Fresh statistics, so the planner sees 100k rows rather than the empty tables it last saw.
  await db.query('analyze commitments.commitment')
  await db.query('analyze commitments.progress_update')
  return { commitments: opts.count, reports }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      'batch-size': { type: 'string', default: '5000' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
    },
  })
  const count = Number(values.count)
  const seed = Number(values.seed)
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) throw new Error('--count must be a positive integer and --seed an integer')
  if (!values['database-url'] === !values['data-dir']) throw new Error('Give exactly one of --database-url postgres://… or --data-dir <folder>')
  const db = openDb({ url: values['database-url'], dataDir: values['data-dir'] ?? '' })
  try {
    await migrate(db, definition.dbSchema, definition.migrations)
    const started = performance.now()
    const result = await generateCommitments(db, { count, seed, batchSize: Number(values['batch-size']) })
    console.log(`Inserted ${result.commitments} commitments and ${result.reports} progress reports in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed}).`)
  } finally {
    await db.close()
  }
}
