// From an HSDS id back to the directory's id. UUID v5 cannot be reversed, so the gateway keeps
// an index of the ids it has derived, filled on demand: hotlines and partners are re-read whole on
// a miss (a few calls), programs incrementally from the last cursor seen (listings only grow at
// the end, so only new programs are read, with a full scan now and then). Misses refresh at most once per interval, so a client
// sending unknown ids cannot make the gateway scan continuously. About 150 bytes per record.
import type { Run } from './graphql.ts'
import { hsdsId } from './ids.ts'
import { BATCH } from './sources.ts'

export type RecordKind = 'hotline' | 'program' | 'organization'

const PROGRAM_IDS = `query ($after: String) { programs(first: ${BATCH}, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`
/** A program archived before a scan and restored after it is only found by a full scan. */
const FULL_SCAN_EVERY_MS = 10 * 60_000
const PARTNER_IDS = `query ($after: String) { partners(first: ${BATCH}, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`

interface IdPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: { id: string }[]
}

export class IdIndex {
  private readonly ids = new Map<string, { kind: RecordKind; id: string }>()
  private programCursor: string | null = null
  private lastFullScan = -Infinity
  private lastRefresh = -Infinity
  private refreshing: Promise<void> | null = null

  constructor(private readonly minIntervalMs = 2000) {}

  /** The directory record behind an HSDS id, or null when the directory has none. */
  async resolve(run: Run, uuid: string, kinds: readonly RecordKind[]): Promise<{ kind: RecordKind; id: string } | null> {
    const hit = this.ids.get(uuid.toLowerCase())
    if (hit && kinds.includes(hit.kind)) return hit
    if (Date.now() - this.lastRefresh >= this.minIntervalMs) {
      this.refreshing ??= this.refresh(run).finally(() => {
        this.refreshing = null
        this.lastRefresh = Date.now()
      })
      await this.refreshing
    }
    const found = this.ids.get(uuid.toLowerCase())
    return found && kinds.includes(found.kind) ? found : null
  }

  private add(kind: RecordKind, id: string) {
    this.ids.set(hsdsId(kind, id), { kind, id })
  }

  private async refresh(run: Run) {
    const { hotlines } = await run<{ hotlines: { id: string }[] }>('{ hotlines { id } }')
    for (const h of hotlines) this.add('hotline', h.id)
    for (let after: string | null = null; ; ) {
      const { partners }: { partners: IdPage } = await run(PARTNER_IDS, { after })
      for (const p of partners.nodes) this.add('organization', p.id)
      if (!partners.pageInfo.hasNextPage) break
      after = partners.pageInfo.endCursor
    }
    if (Date.now() - this.lastFullScan >= FULL_SCAN_EVERY_MS) {
      this.programCursor = null
      this.lastFullScan = Date.now()
    }
    for (;;) {
      const { programs }: { programs: IdPage } = await run(PROGRAM_IDS, { after: this.programCursor })
      for (const p of programs.nodes) this.add('program', p.id)
      if (programs.pageInfo.endCursor) this.programCursor = programs.pageInfo.endCursor
      if (!programs.pageInfo.hasNextPage) break
    }
  }
}
