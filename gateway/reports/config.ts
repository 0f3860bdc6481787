// Configuration of the gateway's reports, part of the gateway's (gateway/config.ts): read from the
// environment once, validated and frozen.
// REDIS_URL makes runtime-registered reports shared by every gateway replica; without it they
// live in this process's memory only (built-in reports are files and need neither).
export interface ReportsConfig {
  /** redis:// or rediss:// URL; unset keeps registered reports in memory. */
  readonly redisUrl: string | undefined
  /** Prefix of the Redis keys, so that several deployments (or test runs) can share one Redis. */
  readonly redisPrefix: string
  /** How many reports may be registered at runtime (built-in ones not counted). */
  readonly maxRegistered: number
}

export function readReportsConfig(env: NodeJS.ProcessEnv): ReportsConfig {
  const redisUrl = env.REDIS_URL || undefined
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error(`REDIS_URL must be a redis:// or rediss:// URL; got "${redisUrl}"`)
  const redisPrefix = env.REPORTS_REDIS_PREFIX || 'coea-gateway:reports:'
  if (!/^[\w:.-]{1,100}$/.test(redisPrefix)) throw new Error(`REPORTS_REDIS_PREFIX may hold letters, digits and _ : . - (at most 100); got "${redisPrefix}"`)
  const raw = env.REPORTS_MAX_REGISTERED
  const maxRegistered = raw ? Number(raw) : 200
  if (!Number.isInteger(maxRegistered) || maxRegistered < 0 || maxRegistered > 10_000) {
    throw new Error(`REPORTS_MAX_REGISTERED must be an integer from 0 to 10000; got "${raw}"`)
  }
  return Object.freeze({ redisUrl, redisPrefix, maxRegistered })
}
