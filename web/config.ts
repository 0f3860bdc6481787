// The web's configuration: read from the environment once, validated, typed, frozen.
export interface WebConfig {
  /** The gateway's GraphQL endpoint: the web asks it as any client would. */
  readonly gatewayUrl: string
  /** Where the quick-exit button goes: a neutral site that says nothing about this one. */
  readonly quickExitUrl: string
  /** How long the gateway may take before a page says the directory is unreachable. */
  readonly gatewayTimeoutMs: number
  /** How long a rendered public page is kept (web/page-cache.ts); 0 keeps none. */
  readonly pageCacheTtlMs: number
  readonly host: string
  /** The standalone server's port (web/server.ts); `npm start` serves the web on the gateway's port. */
  readonly port: number
  /** The standalone server behind a proxy: whether X-Forwarded-For names the visitor (WEB_TRUST_PROXY=on). */
  readonly trustProxy: boolean
}

function httpUrl(env: NodeJS.ProcessEnv, key: string, fallback: string): string {
  const raw = env[key] || fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`${key} must be an http(s) URL; got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${key} must be an http(s) URL; got "${raw}"`)
  return url.toString()
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key} must be an integer from ${min} to ${max}; got "${raw}"`)
  return n
}

export function readWebConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<WebConfig> = {}): WebConfig {
  return Object.freeze({
    gatewayUrl: httpUrl(env, 'GATEWAY_URL', `http://127.0.0.1:${env.PORT || 4000}/graphql`),
    // A search engine's home page: common, harmless, and what someone looking over a shoulder expects.
    quickExitUrl: httpUrl(env, 'WEB_QUICK_EXIT_URL', 'https://www.google.com/'),
    gatewayTimeoutMs: int(env, 'WEB_GATEWAY_TIMEOUT_MS', 8000, 100, 60_000),
    // Off by default, like the gateway's CACHE_TTL_MS: a few seconds (2000) suits production.
    pageCacheTtlMs: int(env, 'WEB_CACHE_TTL_MS', 0, 0, 60_000),
    host: env.HOST || '127.0.0.1',
    port: int(env, 'WEB_PORT', 4080, 0, 65535),
    trustProxy: env.WEB_TRUST_PROXY === 'on',
    ...overrides,
  })
}
