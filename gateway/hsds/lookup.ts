// From an HSDS id back to the directory's id. UUID v5 cannot be reversed, so the gateway keeps
// an index of the ids it has derived, filled on demand and only for the kinds asked for:
// hotlines and partners are re-read whole on a miss (a few calls), programs incrementally from
// the last cursor seen (listings only grow at the end, so only new programs are read; a full scan
// now and then finds restored ones). Each kind refreshes at most once per interval, so a client
// sending unknown ids cannot make the gateway scan continuously. About 150 bytes per record.
import type { Run } from './graphql.ts'
import { hsdsId } from './ids.ts'
import { BATCH } from './sources.ts'

export type RecordKind = 'hotline' | 'program' | 'organization'

const PROGRAM_IDS = `query ($after: String) { programs(first: ${BATCH}, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`
const PARTNER_IDS = `query ($after: String) { partners(first: ${BATCH}, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`
/** A program archived before a scan and restored after it is only found by a full scan. */
const FULL_SCAN_EVERY_MS = 10 * 60_000

interface IdPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: { id: string }[]
}

export class IdIndex {
  private readonly ids = new Map<string, { kind: RecordKind; id: string }>()
  private readonly lastRefresh = new Map<RecordKind, number>()
  private readonly refreshing = new Map<RecordKind, Promise<void>>()
  private programCursor: string | null = null
  private lastFullScan = -Infinity

  constructor(private readonly minIntervalMs = 2000) {}

  /** The directory record behind an HSDS id, or null when the directory has none of these kinds. */
  async resolve(run: Run, uuid: string, kinds: readonly RecordKind[]): Promise<{ kind: RecordKind; id: string } | null> {
    const key = uuid.toLowerCase()
    const found = () => {
      const hit = this.ids.get(key)
      return hit && kinds.includes(hit.kind) ? hit : null
    }
    for (const kind of kinds) {
      if (found()) break
      if (Date.now() - (this.lastRefresh.get(kind) ?? -Infinity) < this.minIntervalMs) continue
      let pending = this.refreshing.get(kind)
      if (!pending) {
        pending = this.refresh(run, kind).finally(() => {
          this.refreshing.delete(kind)
          this.lastRefresh.set(kind, Date.now())
        })
        this.refreshing.set(kind, pending)
      }
      await pending
    }
    return found()
  }

  private add(kind: RecordKind, id: string) {
    this.ids.set(hsdsId(kind, id), { kind, id })
  }

  private async refresh(run: Run, kind: RecordKind) {
    if (kind === 'hotline') {
      const { hotlines } = await run<{ hotlines: { id: string }[] }>('{ hotlines { id } }')
      for (const h of hotlines) this.add('hotline', h.id)
      return
    }
    const organizations = kind === 'organization'
    if (!organizations && Date.now() - this.lastFullScan >= FULL_SCAN_EVERY_MS) {
      this.programCursor = null
      this.lastFullScan = Date.now()
    }
    for (let after = organizations ? null : this.programCursor; ; ) {
      const data = await run<{ partners?: IdPage; programs?: IdPage }>(organizations ? PARTNER_IDS : PROGRAM_IDS, { after })
      const page = (organizations ? data.partners : data.programs)!
      for (const node of page.nodes) this.add(kind, node.id)
      if (page.pageInfo.endCursor) {
        after = page.pageInfo.endCursor
        if (!organizations) this.programCursor = after
      }
      if (!page.pageInfo.hasNextPage) return
    }
  }
}
