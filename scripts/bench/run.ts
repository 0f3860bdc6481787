// `npm run bench`: the gateway against its peers, side by side, on the same subgraphs and the same
// operations. The subgraphs start once (one process, PGlite, the seed or --scale data); then each
// gateway runs in its own process and is loaded with autocannon, operation by operation:
//   (a) the root subgraph alone (the floor)      (b) this gateway, access control on
//   (b') this gateway, access control off        (b'') this gateway, response cache on
//   (b0), (b'0): (b) and (b') without coalescing identical queries in flight
//   (c) @apollo/server + @apollo/gateway, defaults (the reference for the ratios)
//   (d) Hive Gateway                             (e) the mercurius gateway
//   (w) the public country page (web/, GET /th/th) on this gateway, response cache on
//   (w') the same with the web's rendered-page cache on
// Results: a table per operation, printed and written to scripts/bench/results/latest.md and .json, with
// the machine, and the start time and memory of the embedded stack (`npm start`).
//
//   npm run bench -- [--duration 20] [--warmup 10] [--connections 20] [--targets a,b,c]
//                    [--ops directory,referral-pathway] [--scale [--scale-dir .data/bench-scale]]
//                    [--cache-ttl-ms 5000] [--replay] [--no-start] [--out scripts/bench/results/latest]
// --replay puts a process in front of the subgraphs that answers each distinct request from
// memory after the first: the run then measures the gateways themselves, not the subgraphs
// they share (which on a small machine are the bottleneck for every gateway alike).
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { newKeyPair } from '../../gateway/identity/keys.ts'
import { subgraphTokenSigner } from '../../gateway/identity/subgraph-token.ts'
import { PUBLIC } from '../../subgraphs/common/identity.ts'
import { generateScaleData } from '../scale/index.ts'
import { cpuSecondsOf, memoryOf, startChild, type Child } from './children.ts'
import { measureEmbeddedStart } from './embedded.ts'
import { load, type Target } from './load.ts'
import { OPERATIONS, rootFetches } from './operations.ts'
import { tables, write, type Report, type TargetResult } from './report.ts'
import { measureWeb, WEB_OPERATION, WEB_TARGETS } from './web.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    targets: { type: 'string', default: "a,b,b',b0,b'0,b'',c,d,e,w,w'" },
    ops: { type: 'string', default: OPERATIONS.map((o) => o.name).join(',') },
    scale: { type: 'boolean', default: false },
    replay: { type: 'boolean', default: false },
    'scale-dir': { type: 'string', default: '.data/bench-scale' },
    seed: { type: 'string', default: '1' },
    'cache-ttl-ms': { type: 'string', default: '5000' },
    'no-start': { type: 'boolean', default: false },
    out: { type: 'string', default: 'scripts/bench/results/latest' },
  },
})
const positive = (name: string, raw: string) => {
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number; got "${raw}"`)
  return n
}
const settings = {
  connections: positive('connections', values.connections!),
  warmupS: positive('warmup', values.warmup!),
  durationS: positive('duration', values.duration!),
  scale: values.scale!,
  replay: values.replay!,
  cacheTtlMs: positive('cache-ttl-ms', values['cache-ttl-ms']!),
}
const wanted = new Set(values.targets!.split(','))
const operations = OPERATIONS.filter((o) => values.ops!.split(',').includes(o.name))

const GATEWAYS: { id: string; name: string; script?: string; env?: Record<string, string> }[] = [
  { id: 'a', name: 'the root subgraph alone (floor)' },
  { id: 'b', name: 'this gateway, access control on', script: './targets/directory.ts', env: { BENCH_VARIANT: 'authz' } },
  { id: "b'", name: 'this gateway, access control off', script: './targets/directory.ts', env: { BENCH_VARIANT: 'no-authz' } },
  { id: 'b0', name: 'this gateway, access control on, coalescing off', script: './targets/directory.ts', env: { BENCH_VARIANT: 'authz', BENCH_COALESCE: 'off' } },
  { id: "b'0", name: 'this gateway, access control off, coalescing off', script: './targets/directory.ts', env: { BENCH_VARIANT: 'no-authz', BENCH_COALESCE: 'off' } },
  { id: "b''", name: 'this gateway, response cache on', script: './targets/directory.ts', env: { BENCH_VARIANT: 'cache', BENCH_CACHE_TTL_MS: String(settings.cacheTtlMs) } },
  { id: 'c', name: '@apollo/server + @apollo/gateway, defaults', script: './targets/apollo.ts' },
  { id: 'd', name: 'Hive Gateway', script: './targets/hive.ts' },
  { id: 'e', name: 'mercurius gateway', script: './targets/mercurius.ts' },
]

const log = (line: string) => console.log(`[bench] ${line}`)
const loadBefore = os.loadavg()
const { pair, privateJwk } = await newKeyPair('bench-gateway')
const signer = subgraphTokenSigner(pair)

let dataDir = `memory://bench-${process.pid}`
if (settings.scale) {
  dataDir = values['scale-dir']!
  const marker = join(dataDir, `.scale-seed-${values.seed}`)
  if (!existsSync(marker)) {
    log(`generating scale data in ${dataDir} (once; later runs reuse it)`)
    await generateScaleData({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, { seed: Number(values.seed), log })
    writeFileSync(marker, new Date().toISOString())
  }
}

log('starting the subgraphs')
const subgraphs = await startChild<{ type: string; urls: Record<string, string> }>('./subgraphs.ts', {
  BENCH_DATA_DIR: dataDir,
  BENCH_VERIFY_JWK: JSON.stringify(pair.publicJwk),
})
const replay = settings.replay ? await startChild<{ type: string; urls: Record<string, string> }>('./replay.ts', { BENCH_UPSTREAM: JSON.stringify(subgraphs.message.urls) }) : null
const urls = replay?.message.urls ?? subgraphs.message.urls
const tmp = mkdtempSync(join(os.tmpdir(), 'coea-bench-'))
const supergraphFile = join(tmp, 'supergraph.graphql')
// Every gateway reads the same supergraph, pointing at this run's subgraphs.
const sdl = readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8').replace(
  /@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g,
  (_, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
)
writeFileSync(supergraphFile, sdl)
const floors = rootFetches(sdl)

const childEnv = { BENCH_SUPERGRAPH: supergraphFile, BENCH_SUBGRAPH_URLS: JSON.stringify(urls), BENCH_SIGNING_JWK: JSON.stringify(privateJwk) }
const results: TargetResult[] = []
const answers = new Map<string, string>()

async function answerOf(target: Target): Promise<{ json: string; errors: unknown }> {
  const res = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body: target.body })
  const body = (await res.json()) as { data?: unknown; errors?: unknown }
  return { json: JSON.stringify(body.data ?? null), errors: body.errors }
}

/** The first path where two answers differ (key order aside), with both values, shortened. */
function firstDifference(expected: unknown, actual: unknown, path = 'data'): string | undefined {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return undefined
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && Array.isArray(expected) === Array.isArray(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
    for (const key of keys) {
      const found = firstDifference((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`)
      if (found) return found
    }
    return undefined
  }
  const show = (v: unknown) => (JSON.stringify(v) ?? 'absent').slice(0, 120)
  return `\`${path}\`: \`${show(actual)}\` where (b) has \`${show(expected)}\``
}

/** CPU milliseconds a process spent per request during a run (null when it cannot be read). */
function cpuPerRequest(pid: number | undefined, before: number | null, requests: number) {
  const after = cpuSecondsOf(pid)
  return before === null || after === null || requests === 0 ? null : ((after - before) * 1000) / requests
}

async function measure(result: TargetResult, targetFor: (op: (typeof operations)[number]) => Promise<Target>, gatewayPid: number | undefined) {
  const compare = gatewayPid !== undefined
  for (const op of operations) {
    const target = await targetFor(op)
    const first = await answerOf(target)
    if (first.errors) log(`(${result.id}) ${op.name}: errors in the answer: ${JSON.stringify(first.errors).slice(0, 300)}`)
    let answerMatches: boolean | null = null
    let answerDifference: string | undefined
    if (compare) {
      if (!answers.has(op.name)) answers.set(op.name, first.json)
      answerDifference = firstDifference(JSON.parse(answers.get(op.name)!), JSON.parse(first.json))
      answerMatches = answerDifference === undefined
    }
    log(`(${result.id}) ${op.name}: warm-up ${settings.warmupS} s, then ${settings.durationS} s`)
    if (settings.warmupS) await load(await targetFor(op), { connections: settings.connections, duration: settings.warmupS })
    const [gatewayCpu, subgraphsCpu] = [cpuSecondsOf(gatewayPid), cpuSecondsOf(subgraphs.process.pid)]
    const measured = await load(await targetFor(op), { connections: settings.connections, duration: settings.durationS })
    result.results[op.name] = {
      ...measured,
      answerMatches,
      answerDifference,
      gatewayCpuMs: gatewayPid === undefined ? null : cpuPerRequest(gatewayPid, gatewayCpu, measured.requests),
      subgraphsCpuMs: cpuPerRequest(subgraphs.process.pid, subgraphsCpu, measured.requests),
    }
    log(`(${result.id}) ${op.name}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, errors ${measured.non2xx + measured.errors + measured.graphqlErrors}`)
  }
}

try {
  for (const gateway of GATEWAYS.filter((g) => wanted.has(g.id))) {
    const result: TargetResult = { id: gateway.id, name: gateway.name, results: {} }
    results.push(result)
    if (!gateway.script) {
      await measure(result, async (op) => {
        const floor = floors.get(op.name)!
        const token = await signer(PUBLIC, floor.subgraph)
        return { url: urls[floor.subgraph]!, body: JSON.stringify({ query: floor.query, variables: floor.variables }), headers: { authorization: `Bearer ${token}` } }
      }, undefined)
      continue
    }
    let child: Child<{ type: string; url: string }>
    try {
      log(`starting (${gateway.id}) ${gateway.name}`)
      child = await startChild(gateway.script, { ...childEnv, ...gateway.env })
    } catch (err) {
      result.skipped = (err as Error).message.split('\n')[0]!.slice(0, 400)
      log(`(${gateway.id}) could not start: ${result.skipped}`)
      continue
    }
    result.startMs = child.startMs
    try {
      await measure(result, async (op) => ({ url: child.message.url, body: JSON.stringify({ query: op.query, variables: op.variables }) }), child.process.pid)
    } finally {
      result.peakMb = memoryOf(child.process.pid)?.peakMb ?? null
      await child.stop()
    }
  }
  for (const target of WEB_TARGETS.filter((w) => wanted.has(w.id))) results.push(await measureWeb(target, { ...settings, env: childEnv, log }))
} finally {
  const subgraphsPeakMb = memoryOf(subgraphs.process.pid)?.peakMb ?? null
  await replay?.stop()
  await subgraphs.stop()
  rmSync(tmp, { recursive: true, force: true })
  const floor = results.find((r) => r.id === 'a')
  if (floor) floor.peakMb = subgraphsPeakMb
  log(values['no-start'] ? 'skipping the embedded start measurement' : 'measuring `npm start`')
  const embedded = values['no-start'] ? [] : await measureEmbeddedStart()
  const report: Report = {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      loadBefore,
      loadAfter: os.loadavg(),
    },
    settings,
    operations: [...operations.map(({ name, description }) => ({ name, description })), ...(WEB_TARGETS.some((w) => wanted.has(w.id)) ? [WEB_OPERATION] : [])],
    targets: results,
    subgraphsPeakMb,
    embedded,
    reference: 'c',
  }
  write(report, values.out!)
  console.log(`\n${tables(report)}`)
  for (const e of embedded) console.log(`npm start, ${e.what}: ready after ${e.readyS.toFixed(1)} s, ${e.rssMb} MB resident (peak ${e.peakMb} MB)`)
  log(`written to ${values.out}.md and .json`)
}
