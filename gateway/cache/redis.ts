// Cached answers in Redis, shared by every gateway replica. Generations live in one Redis hash;
// a mutation increments them there and publishes the new values, and every replica keeps its
// own copy current from that channel. While either connection is down, or until the copy has
// been reloaded after a reconnect, nothing is served from the cache (an invalidation could
// have been missed): requests go to the subgraphs as if the cache were off.
import { Redis } from 'ioredis'
import type { CacheStore, Entry, Generations } from './store.ts'

type Log = { warn(obj: object, msg: string): void }

export class RedisStore implements CacheStore {
  private readonly client: Redis
  private readonly subscriber: Redis
  private readonly gens: Record<string, number> = {}
  private readonly gensKey: string
  private readonly channel: string
  private synced = false

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly log: Log,
  ) {
    // Fail fast instead of queueing while disconnected: a cache must never hold a request up.
    const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 }
    this.client = new Redis(url, options)
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true })
    this.gensKey = `${prefix}generations`
    this.channel = `${prefix}invalidate`
    for (const connection of [this.client, this.subscriber]) {
      connection.on('error', (err: Error) => this.log.warn({ err: err.message }, 'response cache: Redis connection error'))
      connection.on('close', () => (this.synced = false))
      connection.on('ready', () => void this.resync())
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.merge(JSON.parse(message) as Record<string, number>)
    })
  }

  /** Connects and subscribes; if Redis is unreachable the gateway starts anyway and reconnects later. */
  async connect(): Promise<this> {
    try {
      await Promise.all([this.client.connect(), this.subscriber.connect()])
      await this.subscriber.subscribe(this.channel)
      await this.resync()
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'response cache: Redis unreachable; answering without the cache until it is')
    }
    return this
  }

  private async resync() {
    this.synced = false
    if (this.client.status !== 'ready' || this.subscriber.status !== 'ready') return
    try {
      const stored = await this.client.hgetall(this.gensKey)
      this.merge(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, Number(v)])))
      this.synced = this.client.status === 'ready' && this.subscriber.status === 'ready'
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'response cache: could not load generations from Redis')
    }
  }

  private merge(values: Record<string, number>) {
    for (const [name, gen] of Object.entries(values)) if (Number.isFinite(gen)) this.gens[name] = Math.max(this.gens[name] ?? 0, gen)
  }

  async get(key: string) {
    if (!this.synced) return undefined
    const json = await this.client.get(this.prefix + key)
    return json ? (JSON.parse(json) as Entry) : undefined
  }

  async set(key: string, _entry: Entry, json: string, ttlMs: number) {
    if (this.synced) await this.client.set(this.prefix + key, json, 'PX', ttlMs)
  }

  generations(): Generations {
    return this.gens
  }

  async invalidate(subgraphs: readonly string[]) {
    // This replica moves on at once, whatever happens to Redis.
    for (const name of subgraphs) this.gens[name] = (this.gens[name] ?? 0) + 1
    try {
      const multi = this.client.multi()
      for (const name of subgraphs) multi.hincrby(this.gensKey, name, 1)
      const results = (await multi.exec()) ?? []
      const values = Object.fromEntries(subgraphs.map((name, i) => [name, Number(results[i]?.[1])]))
      this.merge(values)
      await this.client.publish(this.channel, JSON.stringify(values))
    } catch (err) {
      this.log.warn({ err: (err as Error).message, subgraphs }, 'response cache: could not tell other replicas about a change; their answers may be stale until their TTL ends')
    }
  }

  async close() {
    await Promise.allSettled([this.client.quit(), this.subscriber.quit()])
  }
}
