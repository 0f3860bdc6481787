// Where reports registered at runtime are kept: this process's memory, or Redis when REDIS_URL is
// set so that every gateway replica sees the same reports. With Redis, every read goes to Redis
// (one HGET; reports are not a hot path), so a report registered or removed through one replica
// is seen by the others at once, with no cache to invalidate.
import { Redis } from 'ioredis'

export interface StoredReport {
  name: string
  query: string
  description: string
  registeredBy: string | null
  registeredAt: string
}

export interface ReportStore {
  get(name: string): Promise<StoredReport | undefined>
  list(): Promise<StoredReport[]>
  /** Adds the report unless the name is taken or the store is full; says which. */
  add(report: StoredReport, max: number): Promise<'added' | 'taken' | 'full'>
  remove(name: string): Promise<boolean>
  close(): Promise<void>
}

/** Thrown when the shared store cannot be reached: the route answers 503. */
export class StoreUnavailable extends Error {
  override name = 'StoreUnavailable'
}

export function memoryStore(): ReportStore {
  const reports = new Map<string, StoredReport>()
  return {
    get: async (name) => reports.get(name),
    list: async () => [...reports.values()],
    async add(report, max) {
      if (reports.has(report.name)) return 'taken'
      if (reports.size >= max) return 'full'
      reports.set(report.name, report)
      return 'added'
    },
    remove: async (name) => reports.delete(name),
    close: async () => {},
  }
}

type Log = { warn(obj: object, msg: string): void }

/** One Redis hash, `<prefix>operations`: field = report name, value = the report as JSON. */
export function redisStore(url: string, prefix: string, log: Log): ReportStore {
  const key = `${prefix}operations`
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true })
  let lastWarning = 0
  // Without a listener ioredis prints every reconnection failure; one warning a minute is enough.
  redis.on('error', (err) => {
    if (Date.now() - lastWarning < 60_000) return
    lastWarning = Date.now()
    log.warn({ err: err.message }, 'the report store (Redis) is unreachable')
  })
  const call = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      return await command()
    } catch (err) {
      throw new StoreUnavailable(`The shared report store is unavailable: ${(err as Error).message}`)
    }
  }
  const decode = (json: string | null) => (json ? (JSON.parse(json) as StoredReport) : undefined)
  return {
    get: (name) => call(async () => decode(await redis.hget(key, name))),
    list: () => call(async () => Object.values(await redis.hgetall(key)).map((json) => JSON.parse(json) as StoredReport)),
    add: (report, max) =>
      call(async () => {
        // The size check and the write are two commands: two replicas registering at the same
        // moment may pass the limit by one, which is harmless; a name is never taken twice (HSETNX).
        if ((await redis.hlen(key)) >= max) return 'full'
        return (await redis.hsetnx(key, report.name, JSON.stringify(report))) === 1 ? 'added' : 'taken'
      }),
    remove: (name) => call(async () => (await redis.hdel(key, name)) === 1),
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect())
      else redis.disconnect()
    },
  }
}
