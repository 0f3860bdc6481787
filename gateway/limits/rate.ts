// Per-identity rate limits (@fastify/rate-limit): the key is the token's subject for signed-in
// people, else the client address (behind a proxy, see TRUST_PROXY). Counters live in memory, or
// in Redis when REDIS_URL is set so that every gateway replica shares them. Over the limit: HTTP
// 429, a GraphQL-shaped RATE_LIMITED error and Retry-After. Health, metrics and the JWKS are exempt.
//
// If Redis cannot be reached, requests are let through (and logged): an outage of the counter
// store must not take the directory down with it.
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Redis } from 'ioredis'
import type { RateLimitConfig } from '../config.ts'

export class RateLimitedError extends Error {
  readonly statusCode = 429
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests: try again in ${retryAfterSeconds} s.`)
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a request that is refused before the rate-limit hook (a bad token); throws RateLimitedError over the limit. */
    countRefusedRequest(request: FastifyRequest): Promise<void>
  }
}

const EXEMPT = new Set(['/health/live', '/health/ready', '/metrics', '/.well-known/jwks.json'])

/** Signed-in people by subject (whatever address they come from); everybody else by address. */
export function rateLimitKey(request: FastifyRequest): string {
  const identity = request.identity
  return identity && identity.role !== 'public' ? `sub:${identity.sub}` : `ip:${request.ip}`
}

export async function registerRateLimit(app: FastifyInstance, config: RateLimitConfig): Promise<void> {
  if (!config.enabled) {
    app.decorate('countRefusedRequest', async () => undefined)
    return
  }
  const redis = config.redisUrl ? await connectRedis(app, config.redisUrl) : undefined
  await app.register(rateLimit, {
    global: true,
    max: config.max,
    timeWindow: config.windowMs,
    redis,
    nameSpace: config.redisPrefix,
    skipOnError: true,
    keyGenerator: rateLimitKey,
    allowList: (request) => EXEMPT.has(request.routeOptions.url ?? ''),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
    onExceeded: (request, key) => request.log.warn({ key }, 'rate limit exceeded'),
  })
  const check = app.createRateLimit()
  app.decorate('countRefusedRequest', async (request: FastifyRequest) => {
    const result = await check(request)
    if (!result.isAllowed && result.isExceeded) throw new RateLimitedError(Math.max(1, result.ttlInSeconds))
  })
  if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())))
}

/** Connects, waiting briefly at start so that the first requests are already counted. */
async function connectRedis(app: FastifyInstance, url: string): Promise<Redis> {
  // Fail fast instead of queueing: a request must not wait for a Redis that is away.
  const redis = new Redis(url, { connectTimeout: 1000, maxRetriesPerRequest: 1, enableOfflineQueue: false })
  let down = false
  redis.on('error', (err) => {
    if (!down) app.log.warn({ err }, 'rate-limit store unreachable: requests are not limited until it is back')
    down = true
  })
  redis.on('ready', () => {
    if (down) app.log.info('rate-limit store reachable again')
    down = false
  })
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000)
    redis.once('ready', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return redis
}
