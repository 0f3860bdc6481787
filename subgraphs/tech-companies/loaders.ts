// Per-request batching: one statement per batch of company ids, results in key order.
import DataLoader from 'dataloader'
import type { CompanyRow, PlatformRow, RouteRow, TechCompanyRepository } from './repository.ts'

function byKey<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): (Row | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]))
  return keys.map((k) => map.get(k) ?? null)
}

export function createLoaders(repo: TechCompanyRepository) {
  return {
    company: new DataLoader<string, CompanyRow | null>(async (ids) => byKey(ids, await repo.companiesByIds(ids), (r) => r.id)),
    platforms: new DataLoader<string, PlatformRow[]>(async (ids) => {
      const rows = await repo.platformsByCompanies(ids)
      return ids.map((id) => rows.filter((r) => r.company_id === id))
    }),
    /** Restricted rows: only resolvers that have checked the caller may use this loader. */
    route: new DataLoader<string, RouteRow | null>(async (ids) => byKey(ids, await repo.routesByCompanies(ids), (r) => r.company_id)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
