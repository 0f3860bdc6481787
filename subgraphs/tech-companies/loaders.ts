// Per-request batching: one statement per batch of company ids, results in key order.
import DataLoader from 'dataloader'
import { revisions, type Revision } from '../common/changes.ts'
import type { CompanyRow, PlatformRow, RouteRow, TechCompanyRepository } from './repository.ts'

function byKey<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): (Row | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]))
  return keys.map((k) => map.get(k) ?? null)
}

function grouped<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((k) => [k, []]))
  for (const row of rows) groups.get(keyOf(row))?.push(row)
  return keys.map((k) => groups.get(k)!)
}

export function createLoaders(repo: TechCompanyRepository) {
  return {
    company: new DataLoader<string, CompanyRow | null>(async (ids) => byKey(ids, await repo.companiesByIds(ids), (r) => r.id)),
    platforms: new DataLoader<string, PlatformRow[]>(async (ids) => grouped(ids, await repo.platformsByCompanies(ids), (r) => r.company_id)),
    /** Restricted rows: only resolvers that have checked the caller may use this loader. */
    route: new DataLoader<string, RouteRow | null>(async (ids) => byKey(ids, await repo.routesByCompanies(ids), (r) => r.company_id)),
    /** Restricted too: the route's change log, for resolvers that have checked the caller. */
    routeChanges: new DataLoader<string, Revision[]>(async (ids) => grouped(ids, revisions(await repo.changes(ids)), (r) => r.entityId)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
