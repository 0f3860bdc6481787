// Gateway configuration: read from the environment once, validated, typed, frozen.
import { fileURLToPath } from 'node:url'
import { dataDirFrom } from '../subgraphs/common/config.ts'

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
  readonly cache: { readonly ttlMs: number; readonly maxEntries: number; readonly redisUrl: string | undefined; readonly redisPrefix: string }
  readonly subgraphTimeoutMs: number
  readonly production: boolean
  readonly logLevel: string
}

export const DEFAULT_SUPERGRAPH = fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url))

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key} must be an integer from ${min} to ${max}; got "${raw}"`)
  return n
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

export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  const production = env.NODE_ENV === 'production'
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
    // Off by default: writes that bypass the gateway (SQL, seeds, another replica without Redis)
    // would stay invisible for up to the TTL. A few seconds (CACHE_TTL_MS=2000) suits production.
    cache: Object.freeze({
      ttlMs: int(env, 'CACHE_TTL_MS', 0, 0, 60_000),
      maxEntries: int(env, 'CACHE_MAX_ENTRIES', 1000, 1, 1_000_000),
      redisUrl: env.REDIS_URL || undefined,
      redisPrefix: env.CACHE_REDIS_PREFIX || 'coea-gateway:cache:',
    }),
    subgraphTimeoutMs: int(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 100, 120_000),
    production,
    logLevel: env.LOG_LEVEL || 'info',
    ...overrides,
  })
}
