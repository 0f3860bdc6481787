// Per-request batching: one statement per batch of agency ids, project ids or country codes,
// results in key order.
import DataLoader from 'dataloader'
import { revisions, type Revision } from '../common/changes.ts'
import type { AgencyRow, ProjectRow, UnAgencyRepository, Viewer } from './repository.ts'

function byKey<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): (Row | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]))
  return keys.map((k) => map.get(k) ?? null)
}

function grouped<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((k) => [k, []]))
  for (const row of rows) groups.get(keyOf(row))?.push(row)
  return keys.map((k) => groups.get(k)!)
}

/** Lists hold only the projects this request's reader may see (`viewer`). */
export function createLoaders(repo: UnAgencyRepository, viewer: Viewer) {
  return {
    agency: new DataLoader<string, AgencyRow | null>(async (ids) => byKey(ids, await repo.agenciesByIds(ids), (r) => r.id)),
    project: new DataLoader<string, ProjectRow | null>(async (ids) => byKey(ids, await repo.projectsByIds(ids), (r) => r.id)),
    projectsByAgency: new DataLoader<string, ProjectRow[]>(async (ids) => grouped(ids, await repo.projectsByAgencies(ids, viewer), (r) => r.agency_id)),
    projectsByCountry: new DataLoader<string, ProjectRow[]>(async (codes) => {
      const rows = await repo.projectsByCountries(codes, viewer)
      return codes.map((code) => rows.filter((r) => r.countries.includes(code)))
    }),
    changes: new DataLoader<string, Revision[]>(async (ids) => grouped(ids, revisions(await repo.changes(ids)), (r) => r.entityId)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
