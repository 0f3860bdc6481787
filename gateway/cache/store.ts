// Where cached answers live: this process's memory (a bounded LRU) by default, Redis when
// REDIS_URL is set. Invalidation is by generation: every subgraph has a counter that a mutation
// through the gateway increments; an entry records the counters of the subgraphs it depended on
// as they were when its execution started, and is stale as soon as any of them has moved on.

export type Generations = Readonly<Record<string, number>>

/** A kept answer: the generations of the subgraphs it depended on, and the answer itself. */
export interface Entry {
  g: Record<string, number>
  r: { data?: unknown; errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }
}

export interface CacheStore {
  get(key: string): Promise<Entry | undefined>
  /** `json` is the entry serialised (what Redis keeps); memory keeps the entry itself, never changed afterwards. */
  set(key: string, entry: Entry, json: string, ttlMs: number): Promise<void>
  /** This process's view of every subgraph's generation (kept current across replicas with Redis). */
  generations(): Generations
  /** Moves these subgraphs to a new generation, here and in every replica. */
  invalidate(subgraphs: readonly string[]): Promise<void>
  close(): Promise<void>
}

/** A bounded LRU in this process: a Map keeps insertion order, and a hit moves the entry to the end. */
export class MemoryStore implements CacheStore {
  private readonly entries = new Map<string, { value: Entry; expires: number }>()
  private readonly gens: Record<string, number> = {}

  constructor(private readonly maxEntries: number) {}

  async get(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.expires <= Date.now()) return undefined
    this.entries.set(key, entry)
    return entry.value
  }

  async set(key: string, value: Entry, _json: string, ttlMs: number) {
    this.entries.delete(key)
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { value, expires: Date.now() + ttlMs })
  }

  generations() {
    return this.gens
  }

  async invalidate(subgraphs: readonly string[]) {
    for (const name of subgraphs) this.gens[name] = (this.gens[name] ?? 0) + 1
  }

  async close() {
    this.entries.clear()
  }

  get size() {
    return this.entries.size
  }
}
