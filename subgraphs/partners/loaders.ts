// Per-request batching: one statement per batch of ids or country codes, results in key order.
import DataLoader from 'dataloader'
import { revisions, type Revision } from '../common/changes.ts'
import type { PartnerRepository, PartnerRow } from './repository.ts'

function grouped<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]))
  for (const row of rows) groups.get(keyOf(row))?.push(row)
  return keys.map((k) => groups.get(k)!)
}

/** `includeRetired` is decided once per request, from who is asking. */
export function createLoaders(repo: PartnerRepository, includeRetired: boolean) {
  return {
    partner: new DataLoader<string, PartnerRow | null>(async (ids) => {
      const rows = await repo.byIds(ids)
      const byId = new Map(rows.map((r) => [r.id, r]))
      return ids.map((id) => byId.get(id) ?? null)
    }),
    partnersByCountry: new DataLoader<string, PartnerRow[]>(async (codes) => {
      const rows = await repo.byCountries(codes, includeRetired)
      return codes.map((code) => rows.filter((r) => r.countries.includes(code)))
    }),
    changes: new DataLoader<string, Revision[]>(async (ids) => grouped(ids, revisions(await repo.changes(ids)), (r) => r.entityId)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
