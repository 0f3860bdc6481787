// A few thousand malformed or hostile requests against the whole system: bad JSON, huge strings
// and bodies, deep nesting, alias and fragment bombs, wrong types, unknown operations, bad tokens,
// wrong content types, GET with garbage, batches, odd methods and paths, mixed with real queries.
// Every answer is a 4xx or a GraphQL answer (never a 5xx), every request is answered in bounded
// time, no error code outside the closed list reaches a client, memory returns near its baseline,
// and health, metrics and real queries still work afterwards.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import t from 'tap'
import { ERROR_CODES } from '../../subgraphs/common/errors.ts'
import { readinessWithin, startTestStack } from '../helpers/stack.ts'
import { hostileRequest, rng, type HostileRequest } from './fixtures/hostile.ts'

const REQUESTS = Number(process.env.FUZZ_REQUESTS || 2000)
const CONCURRENCY = 16
const SEED = Number(process.env.FUZZ_SEED || Date.now() % 1_000_000)

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heapAfterGc = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

interface Outcome {
  /** The request without its body: the outcomes are kept, and must not weigh on the heap measured. */
  request: Omit<HostileRequest, 'body' | 'headers'>
  status: number | 'no answer'
  /** The answer's first 2 KB. */
  body: string
  /** What is wrong with it as a GraphQL answer, checked on the whole answer. */
  shapeProblems: string[]
  ms: number
}

const KNOWN_CODES = new Set<string>(ERROR_CODES)

/** Answers from /graphql must be JSON with data or errors, every error with a message and a known code. */
function shapeProblems(request: HostileRequest, status: number, text: string): string[] {
  // Node answers 431 itself; HEAD has no body; unknown methods are Fastify's 404.
  if (request.path !== '/graphql' || request.method === 'HEAD' || status === 404 || status === 431) return []
  let body: { data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: string } }> }
  try {
    body = JSON.parse(text)
  } catch {
    return [`not JSON: ${text.slice(0, 100)}`]
  }
  const problems: string[] = []
  if (!('data' in body) && !Array.isArray(body.errors)) problems.push('neither data nor errors')
  for (const e of body.errors ?? []) {
    if (typeof e.message !== 'string' || !KNOWN_CODES.has(e.extensions?.code ?? '')) problems.push(JSON.stringify(e).slice(0, 200))
  }
  return problems
}

// Only these run; readiness reports the other subgraphs missing.
const STARTED = ['partners', 'governments', 'hotlines'] as const

t.test(`hostile requests (seed ${SEED})`, async (t) => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  t.teardown(() => void process.off('unhandledRejection', onUnhandled))

  const stack = await startTestStack(t, { names: STARTED, env: { RATE_LIMIT_MAX: '1000000' } })
  const origin = stack.gatewayUrl.replace('/graphql', '')
  const tokens = await Promise.all([
    stack.token({ role: 'secretariat' }),
    stack.token({ role: 'tech_company', org: 'meta', verified: true }),
    stack.token({ role: 'civil_society', org: 'ecpat-philippines' }),
  ])

  const send = async (request: HostileRequest): Promise<Outcome> => {
    const started = performance.now()
    const summary = { kind: request.kind, method: request.method, path: request.path.slice(0, 200) }
    try {
      const res = await fetch(origin + request.path, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(20_000) })
      const text = await res.text()
      return { request: summary, status: res.status, body: text.slice(0, 2048), shapeProblems: shapeProblems(request, res.status, text), ms: performance.now() - started }
    } catch (err) {
      return { request: summary, status: 'no answer', body: String((err as Error).cause ?? err), shapeProblems: [], ms: performance.now() - started }
    }
  }
  const run = async (count: number, random: () => number) => {
    const outcomes: Outcome[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          next++
          outcomes.push(await send(hostileRequest(random, tokens)))
        }
      }),
    )
    return outcomes
  }

  // Warm-up: caches (parsed documents, plans, authorisation) and connection pools fill first.
  await run(250, rng(SEED + 1))
  const baseline = heapAfterGc()
  const started = performance.now()
  const outcomes = await run(REQUESTS, rng(SEED))
  const seconds = (performance.now() - started) / 1000
  const after = heapAfterGc()
  t.comment(`${outcomes.length} requests in ${seconds.toFixed(1)} s; heap ${(baseline / 1e6).toFixed(0)} MB before, ${(after / 1e6).toFixed(0)} MB after`)

  t.test('every request got an answer, in bounded time', async (t) => {
    t.equal(outcomes.length, REQUESTS)
    const unanswered = outcomes.filter((o) => o.status === 'no answer')
    // A header over Node's 16 KB limit is refused by Node itself, which may close the connection.
    t.same(unanswered.filter((o) => o.request.kind !== 'huge header').map((o) => `${o.request.kind}: ${o.body}`), [])
    t.ok(Math.max(...outcomes.map((o) => o.ms)) < 15_000, 'slowest answer under 15 s')
  })

  t.test('never a 5xx', async (t) => {
    const failures = outcomes.filter((o) => typeof o.status === 'number' && o.status >= 500)
    t.same(failures.map((o) => `${o.request.kind} ${o.status} ${o.body.slice(0, 200)}`), [])
  })

  t.test('GraphQL answers are GraphQL-shaped, with codes from the closed list only', async (t) => {
    t.same(outcomes.flatMap((o) => o.shapeProblems.map((p) => `${o.request.kind} ${o.status}: ${p}`)), [])
  })

  t.test('the hostile requests were refused for what they are', async (t) => {
    const statusesOf = (kind: string) => new Set(outcomes.filter((o) => o.request.kind === kind).map((o) => o.status))
    for (const kind of ['bad JSON', 'alias bomb', 'fragment bomb', 'batched', 'wrong content type']) {
      const statuses = statusesOf(kind)
      t.ok([...statuses].every((s) => typeof s === 'number' && s >= 400 && s < 500), `${kind}: ${[...statuses].join(', ')}`)
    }
    t.ok([...statusesOf('valid')].every((s) => s === 200), 'real queries mixed in were answered')
  })

  t.test('memory returns near its baseline', async (t) => {
    t.ok(after - baseline < 48e6, `heap grew ${((after - baseline) / 1e6).toFixed(1)} MB`)
  })

  t.test('no unhandled rejection', async (t) => t.same(unhandled, []))

  t.test('health, metrics and real queries still answer', async (t) => {
    t.equal((await fetch(`${origin}/health/live`)).status, 200)
    // Readiness asks every subgraph with a 2 s timeout; on a busy machine give it a few tries.
    const ready = await readinessWithin(origin, 10_000, STARTED)
    t.equal(ready.httpStatus, 200)
    t.same(STARTED.map((n) => ready.body.subgraphs[n]?.status), ['ok', 'ok', 'ok'], JSON.stringify(ready.body))
    t.equal(ready.body.status, 'degraded', 'the subgraphs this stack never started are reported missing')
    const metrics = await (await fetch(`${origin}/metrics`)).text()
    t.match(metrics, /gateway_errors_total\{code="OPERATION_LIMIT_EXCEEDED"\} \d+/)
    t.match(metrics, /gateway_http_requests_total\{method="POST",route="\/graphql",status="400"\} \d+/)
    const res = await stack.query('{ country(code: "TH") { name } }')
    t.same(res.data, { country: { name: 'Thailand' } })
  })
})
