// Prometheus metrics for one gateway instance (its own registry: several gateways can run in one
// process, as the tests do). Label values come from closed sets only (route patterns, error
// codes, subgraph names), so nobody can grow the series by sending odd URLs.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'
import type { FastifyReply, FastifyRequest } from 'fastify'

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export type FetchOutcome = 'ok' | 'error' | 'timeout' | 'unreachable'

export class GatewayMetrics {
  readonly registry = new Registry()
  private readonly httpRequests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'HTTP requests answered, by route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  })
  private readonly httpDuration = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  })
  private readonly errors = new Counter({
    name: 'gateway_errors_total',
    help: 'Errors returned to clients, by extensions.code (GraphQL errors and refused HTTP requests).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  })
  private readonly limitRefusals = new Counter({
    name: 'gateway_operation_limit_refusals_total',
    help: 'Operations refused before planning, by the limit they exceeded.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  })
  private readonly subgraphFetch = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Time for one subgraph request (body included), by subgraph and outcome.',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  })

  constructor() {
    collectDefaultMetrics({ register: this.registry })
  }

  observeHttp(request: FastifyRequest, reply: FastifyReply) {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }
    this.httpRequests.inc(labels)
    this.httpDuration.observe(labels, reply.elapsedTime / 1000)
  }

  error(code: string) {
    this.errors.inc({ code })
  }

  limitRefused(limit: string) {
    this.limitRefusals.inc({ limit })
  }

  subgraphFetched(subgraph: string, outcome: FetchOutcome, seconds: number) {
    this.subgraphFetch.observe({ subgraph, outcome }, seconds)
  }
}
