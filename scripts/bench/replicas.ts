// Throughput with one and with two gateway replicas, in one run, over the scaled-out topology
// (eight subgraph processes on their own PostgreSQL databases, replicas sharing Redis):
//   npm run bench:replicas -- [--duration 15] [--connections 20]
// Both measurements use the same total number of connections; with two replicas they are split
// between them, as a load balancer would. Results go to scripts/bench/results/replicas.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { startTopology } from '../topology.ts'
import { load, type LoadResult } from './load.ts'

const { values } = parseArgs({ options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '20' } } })
const duration = Number(values.duration)
const connections = Number(values.connections)
const body = JSON.stringify({ query: '{ country(code: "TH") { name partners(kind: CIVIL_SOCIETY) { id name hotlines { name channels { display openNow } } commitments { title } } } }' })

const topology = await startTopology({ prefix: `coea_bench${process.pid}`, dropOnStop: true, basePort: 4800, env: { LOG_LEVEL: 'error', RATE_LIMIT: 'off', CACHE_TTL_MS: '0' } })
try {
  const [a, b] = topology.gatewayUrls as [string, string]
  await load({ url: a, body }, { connections, duration: 3 }) // warm-up, both replicas
  await load({ url: b, body }, { connections, duration: 3 })
  const one = await load({ url: a, body }, { connections, duration })
  const halves = await Promise.all([load({ url: a, body }, { connections: connections / 2, duration }), load({ url: b, body }, { connections: connections / 2, duration })])
  const two: LoadResult = {
    rps: halves[0].rps + halves[1].rps,
    p50: Math.max(halves[0].p50, halves[1].p50),
    p99: Math.max(halves[0].p99, halves[1].p99),
    requests: halves[0].requests + halves[1].requests,
    non2xx: halves[0].non2xx + halves[1].non2xx,
    errors: halves[0].errors + halves[1].errors,
    graphqlErrors: halves[0].graphqlErrors + halves[1].graphqlErrors,
    samples: [...halves[0].samples, ...halves[1].samples],
  }
  const row = (name: string, r: LoadResult) =>
    `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors + r.graphqlErrors} | ${(r.rps / one.rps).toFixed(2)}x |`
  const table = [
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${connections} connections, ${duration} s; everything on this one machine.`,
    '',
    '| gateways | req/s | p50 ms | p99 ms | errors | vs one |',
    '|---|---|---|---|---|---|',
    row('one replica', one),
    row('two replicas', two),
  ].join('\n')
  console.log(table)
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
  writeFileSync(new URL('./results/replicas.md', import.meta.url), `${table}\n`)
} finally {
  await topology.stop()
}
