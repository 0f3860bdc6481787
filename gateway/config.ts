// Gateway configuration: read from the environment once, validated, typed, frozen.
import { fileURLToPath } from 'node:url'
import { dataDirFrom } from '../subgraphs/common/config.ts'
import { readReportsConfig, type ReportsConfig } from './reports/config.ts'

export interface GatewayConfig {
  readonly host: string
  readonly port: number
  /** Path or http(s) URL of the supergraph SDL. */
  readonly supergraph: string
  /** Subgraph name -> URL, overriding the URLs written in the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>
  readonly dataDir: string
  readonly auth: {
    /** JWKS of a real identity provider; when unset, tokens are signed with a local key in the data folder. */
    readonly jwksUrl: string | undefined
    readonly issuer: string
    readonly audience: string
    readonly algorithms: readonly string[]
    /** How long fetched JWKS keys are trusted before they are fetched again. */
    readonly jwksCacheMaxAgeMs: number
    /** Least time between two JWKS fetches (an unknown key id triggers one). */
    readonly jwksCooldownMs: number
  }
  /** How denied fields are handled: filter them out (default), reject the whole operation, or only log. */
  readonly authzMode: 'filter' | 'reject' | 'dry-run'
  /** Response cache for reads (gateway/cache): off when ttlMs is 0; in memory, or in Redis (shared by replicas) when redisUrl is set. */
  readonly cache: {
    readonly ttlMs: number
    readonly maxEntries: number
    readonly redisUrl: string | undefined
    readonly redisPrefix: string
    /** Identical queries from the same caller, arriving while one runs, share its answer. */
    readonly coalesce: boolean
  }
  /** Registered reports: where they are kept and how many (gateway/reports/config.ts). */
  readonly reports: ReportsConfig
  readonly subgraphTimeoutMs: number
  /** Subgraph name -> timeout, overriding subgraphTimeoutMs (SUBGRAPH_TIMEOUT_MS_HOTLINES=3000). */
  readonly subgraphTimeouts: Readonly<Record<string, number>>
  readonly production: boolean
  readonly logLevel: string
  /** Refusals before planning: nothing of a refused operation reaches a subgraph. */
  readonly limits: OperationLimits
  readonly rateLimit: RateLimitConfig
  /** Schema introspection; on in development, off in production. */
  readonly introspection: boolean
  /** The GraphiQL page at /graphiql (served from local files); on in development, off in production. */
  readonly graphiql: boolean
  /** Fastify's trustProxy: whether X-Forwarded-For names the client (true, a hop count, or trusted addresses). */
  readonly trustProxy: boolean | number | string
  /** When set, /metrics answers only `Authorization: Bearer <this token>`. */
  readonly metricsToken: string | undefined
  readonly tracing: TracingConfig
  /** How long shutdown waits for in-flight requests before the process exits anyway. */
  readonly shutdownTimeoutMs: number
  /**
   * @apollo/gateway's own usage metrics, sent to Apollo (and its probes of cloud metadata
   * services at start): off unless APOLLO_TELEMETRY=on.
   */
  readonly apolloTelemetry: boolean
}

export interface OperationLimits {
  /** Nesting of field selections (fragments expanded; introspection's own nesting not counted). */
  readonly maxDepth: number
  readonly maxAliases: number
  readonly maxRootFields: number
  /** Field selections in the operation with every fragment expanded where it is spread. */
  readonly maxFields: number
  readonly maxDocumentBytes: number
  readonly maxVariablesBytes: number
  /** Nesting of the variables' JSON (objects and lists); deeper values are refused before anything recurses into them. */
  readonly maxVariablesDepth: number
  /** Operations in one HTTP request (a JSON array); 1 refuses batches. */
  readonly maxBatch: number
}

export interface RateLimitConfig {
  readonly enabled: boolean
  /** Requests per window for one identity (the token's subject, else the client address). */
  readonly max: number
  readonly windowMs: number
  /** Shared counters for several gateway replicas; in memory when unset. */
  readonly redisUrl: string | undefined
  readonly redisPrefix: string
}

export interface TracingConfig {
  readonly enabled: boolean
  /** OTLP/HTTP endpoint (the exporter appends /v1/traces); the exporter's default when unset. */
  readonly endpoint: string | undefined
  readonly serviceName: string
}

export const DEFAULT_SUPERGRAPH = fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url))

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key} must be an integer from ${min} to ${max}; got "${raw}"`)
  return n
}

function flag(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key]?.toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['on', 'true', '1', 'yes'].includes(raw)) return true
  if (['off', 'false', '0', 'no'].includes(raw)) return false
  throw new Error(`${key} must be on or off; got "${env[key]}"`)
}

/** TRUST_PROXY: on/off, a hop count, or a comma-separated list of trusted proxy addresses. */
function trustProxy(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = env.TRUST_PROXY
  if (!raw) return false
  if (/^\d+$/.test(raw)) return Number(raw)
  if (/^(on|off|true|false)$/i.test(raw)) return flag(env, 'TRUST_PROXY', false)
  return raw
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, key: string, allowed: readonly T[], fallback: T): T {
  const raw = env[key]
  if (!raw) return fallback
  if (!allowed.includes(raw as T)) throw new Error(`${key} must be one of ${allowed.join(', ')}; got "${raw}"`)
  return raw as T
}

/** SUBGRAPH_URL_TECH_COMPANIES=http://… overrides the tech-companies URL. */
function subgraphUrls(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('SUBGRAPH_URL_') || !value) continue
    new URL(value) // throws on a malformed URL, at start
    urls[key.slice('SUBGRAPH_URL_'.length).toLowerCase().replace(/_/g, '-')] = value
  }
  return urls
}

/** SUBGRAPH_TIMEOUT_MS_HOTLINES=3000 gives the hotlines subgraph its own timeout. */
function subgraphTimeouts(env: NodeJS.ProcessEnv): Record<string, number> {
  const prefix = 'SUBGRAPH_TIMEOUT_MS_'
  const timeouts: Record<string, number> = {}
  for (const key of Object.keys(env)) {
    if (key.startsWith(prefix) && env[key]) timeouts[key.slice(prefix.length).toLowerCase().replace(/_/g, '-')] = int(env, key, 10_000, 100, 120_000)
  }
  return timeouts
}

export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  const production = env.NODE_ENV === 'production'
  const otlpEndpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined
  return Object.freeze({
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    supergraph: env.SUPERGRAPH || DEFAULT_SUPERGRAPH,
    subgraphUrls: Object.freeze(subgraphUrls(env)),
    dataDir: dataDirFrom(env),
    auth: Object.freeze({
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      issuer: env.AUTH_ISSUER || 'coea-directory-local',
      audience: env.AUTH_AUDIENCE || 'coea-directory',
      algorithms: Object.freeze((env.AUTH_ALGORITHMS || 'EdDSA,ES256,RS256').split(',').map((a) => a.trim())),
      jwksCacheMaxAgeMs: int(env, 'AUTH_JWKS_CACHE_MAX_AGE_MS', 600_000, 0, 86_400_000),
      jwksCooldownMs: int(env, 'AUTH_JWKS_COOLDOWN_MS', 30_000, 0, 3_600_000),
    }),
    authzMode: oneOf(env, 'AUTHZ_MODE', ['filter', 'reject', 'dry-run'] as const, 'filter'),
    // Kept answers are off by default: writes that bypass the gateway (SQL, seeds, another replica
    // without Redis) would stay invisible for up to the TTL. A few seconds (CACHE_TTL_MS=2000)
    // suits production. Coalescing is on: it only shares an answer that was being produced anyway.
    cache: Object.freeze({
      ttlMs: int(env, 'CACHE_TTL_MS', 0, 0, 60_000),
      maxEntries: int(env, 'CACHE_MAX_ENTRIES', 1000, 1, 1_000_000),
      redisUrl: env.REDIS_URL || undefined,
      redisPrefix: env.CACHE_REDIS_PREFIX || 'coea-gateway:cache:',
      coalesce: flag(env, 'CACHE_COALESCE', true),
    }),
    reports: readReportsConfig(env),
    subgraphTimeoutMs: int(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 100, 120_000),
    subgraphTimeouts: Object.freeze(subgraphTimeouts(env)),
    production,
    logLevel: env.LOG_LEVEL || 'info',
    limits: Object.freeze({
      maxDepth: int(env, 'LIMIT_DEPTH', 10, 1, 100),
      maxAliases: int(env, 'LIMIT_ALIASES', 30, 0, 10_000),
      maxRootFields: int(env, 'LIMIT_ROOT_FIELDS', 20, 1, 1000),
      maxFields: int(env, 'LIMIT_FIELDS', 500, 1, 1_000_000),
      maxDocumentBytes: int(env, 'LIMIT_DOCUMENT_BYTES', 16_384, 256, 1_048_576),
      maxVariablesBytes: int(env, 'LIMIT_VARIABLES_BYTES', 65_536, 256, 1_048_576),
      maxVariablesDepth: int(env, 'LIMIT_VARIABLES_DEPTH', 20, 1, 1000),
      maxBatch: int(env, 'LIMIT_BATCH', 1, 1, 100),
    }),
    rateLimit: Object.freeze({
      enabled: flag(env, 'RATE_LIMIT', true),
      max: int(env, 'RATE_LIMIT_MAX', 600, 1, 1_000_000),
      windowMs: int(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000),
      redisUrl: env.REDIS_URL || undefined,
      redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || 'coea-gateway:rate-limit:',
    }),
    introspection: flag(env, 'INTROSPECTION', !production),
    graphiql: flag(env, 'GRAPHIQL', !production),
    trustProxy: trustProxy(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    tracing: Object.freeze({
      enabled: flag(env, 'TRACING', otlpEndpoint !== undefined),
      endpoint: otlpEndpoint,
      serviceName: env.OTEL_SERVICE_NAME || 'coea-gateway',
    }),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    apolloTelemetry: flag(env, 'APOLLO_TELEMETRY', false),
    ...overrides,
  })
}
