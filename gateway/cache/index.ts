// The response cache as configured: answers kept in memory or in Redis shared by every replica
// (TTL above 0), and identical queries in flight shared (coalescing), each on or off.
import type { GatewayInterface } from '@apollo/server-gateway-interface'
import type { GatewayConfig } from '../config.ts'
import { CachingGateway } from './gateway.ts'
import { RedisStore } from './redis.ts'
import { ResponseCache } from './response-cache.ts'
import { MemoryStore, type CacheStore } from './store.ts'

export { noteSubgraphCall } from './track.ts'

type Log = { warn(obj: object, msg: string): void }

/** Wraps `gateway` with the response cache, or returns it unchanged when both parts are off. */
export async function withResponseCache(gateway: GatewayInterface, config: GatewayConfig['cache'], log: Log): Promise<GatewayInterface> {
  if (config.ttlMs === 0 && !config.coalesce) return gateway
  // Without kept answers only this replica's own mutations matter (to coalescing): no Redis needed.
  const shared = config.ttlMs > 0 && config.redisUrl
  const store: CacheStore = shared ? await new RedisStore(shared, config.redisPrefix, log).connect() : new MemoryStore(config.maxEntries)
  return new CachingGateway(gateway, new ResponseCache({ ttlMs: config.ttlMs, coalesce: config.coalesce, store, log }), () => store.close())
}
