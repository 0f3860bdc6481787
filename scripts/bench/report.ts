// The benchmark's report: one table per operation (throughput, latency, errors, peak memory and
// the ratio to the Apollo reference), the targets, the embedded stack's start, and the machine.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { StartMeasure } from './embedded.ts'
import type { LoadResult } from './load.ts'

export interface Measured {
  /** Whether the first answer had the same data as the first gateway's (null for the floor). */
  answerMatches: boolean | null
  /** Where the answer first differs from the first gateway's, when it does. */
  answerDifference?: string
  /** CPU the gateway's process used per request, in ms: robust where throughput is noisy. */
  gatewayCpuMs: number | null
  /** CPU the subgraphs' process used per request, in ms. */
  subgraphsCpuMs: number | null
}

export interface TargetResult {
  id: string
  name: string
  /** Why it was not measured, when it was not. */
  skipped?: string
  startMs?: number
  peakMb?: number | null
  results: Record<string, (LoadResult & Measured) | undefined>
}

export interface Report {
  date: string
  commit: string
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; os: string; loadBefore: number[]; loadAfter?: number[] }
  settings: { connections: number; warmupS: number; durationS: number; scale: boolean; replay: boolean; cacheTtlMs: number }
  operations: { name: string; description: string }[]
  targets: TargetResult[]
  subgraphsPeakMb: number | null
  embedded: StartMeasure[]
  reference: string
}

const num = (n: number | undefined | null, digits = 0) => (n == null || Number.isNaN(n) ? '–' : n.toFixed(digits))

function errorCount(r: LoadResult) {
  return r.non2xx + r.errors + r.graphqlErrors
}

export function tables(report: Report): string {
  const lines: string[] = []
  const reference = report.targets.find((t) => t.id === report.reference)
  for (const op of report.operations) {
    lines.push(`### ${op.name}: ${op.description}`, '')
    lines.push(
      '| | target | req/s | p50 ms | p99 ms | errors | gateway CPU ms/req | subgraphs CPU ms/req | peak RSS MB | vs (c) |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    )
    const base = reference?.results[op.name]?.rps
    for (const t of report.targets) {
      const r = t.results[op.name]
      if (!r) {
        lines.push(`| (${t.id}) | ${t.name} | – | – | – | – | – | – | – | ${t.skipped ? 'not run' : '–'} |`)
        continue
      }
      const ratio = base ? `${(r.rps / base).toFixed(2)}x` : '–'
      const flag = r.answerMatches === false ? ' (answer differs)' : ''
      lines.push(
        `| (${t.id}) | ${t.name}${flag} | ${num(r.rps)} | ${num(r.p50, 1)} | ${num(r.p99, 1)} | ${errorCount(r)} | ${num(r.gatewayCpuMs, 2)} | ${num(r.subgraphsCpuMs, 2)} | ${num(t.peakMb)} | ${ratio} |`,
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

export function markdown(report: Report): string {
  const m = report.machine
  const s = report.settings
  const out = [
    '# Gateway benchmark',
    '',
    `${report.date}, commit ${report.commit}. Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.os};`,
    `load average ${m.loadBefore.map((x) => x.toFixed(2)).join(' ')} before${m.loadAfter ? `, ${m.loadAfter.map((x) => x.toFixed(2)).join(' ')} after` : ''}.`,
    `Each target: ${s.warmupS} s warm-up (not counted), then ${s.durationS} s with ${s.connections} connections (autocannon), per operation.`,
    `Data: ${s.scale ? 'generated scale data (npm run scale: 10k partners, 20k services, 100k programs, 100k commitments)' : 'the seed'} on PGlite;`,
    'all subgraphs in one process. The public role (no token) throughout; every gateway forwards a gateway-signed identity.',
    ...(s.replay ? ['Replay mode: subgraph answers come from memory after the first request, so the gateways themselves are measured.'] : []),
    'This gateway coalesces identical queries in flight from the same caller (on by default; off in (b0) and (b\'0));',
    'Hive Gateway deduplicates identical subgraph requests in flight by default; @apollo/gateway does neither.',
    `Response cache (b''): in memory, TTL ${s.cacheTtlMs} ms. Errors = non-2xx + socket errors and timeouts + responses with GraphQL errors.`,
    'CPU ms/req: CPU time the process used during the measured run divided by the requests served (from /proc; steadier than req/s on a busy machine).',
    '',
    tables(report),
    '## Targets',
    '',
    ...report.targets.map((t) => `- (${t.id}) ${t.name}${t.startMs ? `: ready in ${(t.startMs / 1000).toFixed(1)} s` : ''}${t.skipped ? `. Not measured: ${t.skipped}` : ''}`),
    '',
    `Peak RSS of (a) is the subgraphs' process (all eight subgraphs and PGlite): ${num(report.subgraphsPeakMb)} MB.`,
    '',
    '## The embedded stack (`npm start`)',
    '',
    '| | ready after | RSS when ready | peak RSS |',
    '|---|---:|---:|---:|',
    ...report.embedded.map((e) => `| ${e.what} | ${e.readyS.toFixed(1)} s | ${num(e.rssMb)} MB | ${num(e.peakMb)} MB |`),
    '',
  ]
  const samples = report.targets.flatMap((t) =>
    Object.entries(t.results).flatMap(([op, r]) => (r?.samples.length ? [`- (${t.id}) ${op}: ${r.samples.map((x) => '`' + x.replace(/`/g, "'") + '`').join('; ')}`] : [])),
  )
  if (samples.length) out.push('## Error samples', '', ...samples, '')
  const differences = report.targets.flatMap((t) =>
    Object.entries(t.results).flatMap(([op, r]) => (r?.answerDifference ? [`- (${t.id}) ${op}: ${r.answerDifference}`] : [])),
  )
  if (differences.length) out.push('## Answers that differ from (b)', '', ...differences, '')
  return out.join('\n')
}

export function write(report: Report, base: string) {
  mkdirSync(dirname(base), { recursive: true })
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(`${base}.md`, markdown(report))
}
