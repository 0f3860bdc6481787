// HSDS pages by number; the directory's GraphQL pages by cursor. To serve page N the export walks
// the cursors (ids only) to the page's first row. Walking is remembered: the cursor at each offset
// reached is kept per filter for a minute, so reading a listing page after page costs one call a
// page. Bounded: at most 64 filters, 2,000 offsets each.
const TTL_MS = 60_000
const MAX_FILTERS = 64
const MAX_OFFSETS = 2000

interface Entry {
  at: number
  offsets: Map<number, string>
}

export class Checkpoints {
  private readonly entries = new Map<string, Entry>()

  /** The furthest remembered position at or before `offset`. */
  best(key: string, offset: number): { offset: number; cursor: string | null } {
    const entry = this.entries.get(key)
    if (!entry || Date.now() - entry.at > TTL_MS) return { offset: 0, cursor: null }
    let best = { offset: 0, cursor: null as string | null }
    for (const [o, cursor] of entry.offsets) if (o <= offset && o > best.offset) best = { offset: o, cursor }
    return best
  }

  remember(key: string, offset: number, cursor: string | null) {
    if (!cursor || offset <= 0) return
    let entry = this.entries.get(key)
    if (!entry || Date.now() - entry.at > TTL_MS) {
      entry = { at: Date.now(), offsets: new Map() }
      this.entries.delete(key)
      this.entries.set(key, entry)
      if (this.entries.size > MAX_FILTERS) this.entries.delete(this.entries.keys().next().value!)
    }
    if (entry.offsets.size < MAX_OFFSETS) entry.offsets.set(offset, cursor)
  }
}
