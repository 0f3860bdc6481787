// The response cache as configured: off (TTL 0), in memory, or in Redis shared by every replica.
import type { GatewayInterface } from '@apollo/server-gateway-interface'
import type { GatewayConfig } from '../config.ts'
import { CachingGateway } from './gateway.ts'
import { RedisStore } from './redis.ts'
import { ResponseCache } from './response-cache.ts'
import { MemoryStore, type CacheStore } from './store.ts'

export { noteSubgraphCall } from './track.ts'

type Log = { warn(obj: object, msg: string): void }

/** Wraps `gateway` with the response cache, or returns it unchanged when the cache is off. */
export async function withResponseCache(gateway: GatewayInterface, config: GatewayConfig['cache'], log: Log): Promise<GatewayInterface> {
  if (config.ttlMs === 0) return gateway
  const store: CacheStore = config.redisUrl ? await new RedisStore(config.redisUrl, config.redisPrefix, log).connect() : new MemoryStore(config.maxEntries)
  return new CachingGateway(gateway, new ResponseCache({ ttlMs: config.ttlMs, store, log }), () => store.close())
}
