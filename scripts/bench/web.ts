// (w), (w'): the public country page, GET /th/th, from the web pages registered on this gateway
// with the public response cache on; each page is one GraphQL request to the gateway over HTTP
// and a server render, or, in (w'), a page kept for the TTL by the web's own page cache. Their
// figures go beside the GraphQL operations' in the same report.
import { cpuSecondsOf, memoryOf, startChild, type Child } from './children.ts'
import { load } from './load.ts'
import type { TargetResult } from './report.ts'

export const WEB_OPERATION = { name: 'country-page', description: 'the public country page, /th/th (web pages on the gateway, response cache on; GET, HTML)' }

export const WEB_TARGETS = [
  { id: 'w', name: 'web: the country page (gateway response cache on)', pageCache: false },
  { id: "w'", name: 'web: the country page, rendered pages kept too (WEB_CACHE_TTL_MS)', pageCache: true },
] as const

export async function measureWeb(
  target: (typeof WEB_TARGETS)[number],
  options: { connections: number; warmupS: number; durationS: number; cacheTtlMs: number; env: NodeJS.ProcessEnv; log: (line: string) => void },
): Promise<TargetResult> {
  const result: TargetResult = { id: target.id, name: target.name, results: {} }
  let child: Child<{ type: string; url: string }>
  try {
    options.log(`starting (${target.id}) ${target.name}`)
    const ttl = String(options.cacheTtlMs)
    child = await startChild('./targets/web.ts', { ...options.env, BENCH_CACHE_TTL_MS: ttl, BENCH_WEB_CACHE_TTL_MS: target.pageCache ? ttl : '0' })
  } catch (err) {
    result.skipped = (err as Error).message.split('\n')[0]!.slice(0, 400)
    return result
  }
  result.startMs = child.startMs
  try {
    const page = { url: child.message.url }
    const first = await fetch(page.url)
    if (first.status !== 200) options.log(`(${result.id}) ${page.url} answered ${first.status}`)
    if (options.warmupS) await load(page, { connections: options.connections, duration: options.warmupS })
    const cpuBefore = cpuSecondsOf(child.process.pid)
    const measured = await load(page, { connections: options.connections, duration: options.durationS })
    const cpuAfter = cpuSecondsOf(child.process.pid)
    const gatewayCpuMs = cpuBefore === null || cpuAfter === null || !measured.requests ? null : ((cpuAfter - cpuBefore) * 1000) / measured.requests
    result.results[WEB_OPERATION.name] = { ...measured, answerMatches: null, gatewayCpuMs, subgraphsCpuMs: null }
    options.log(`(${result.id}) country page: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, errors ${measured.non2xx + measured.errors + measured.graphqlErrors}`)
  } finally {
    result.peakMb = memoryOf(child.process.pid)?.peakMb ?? null
    await child.stop()
  }
  return result
}
