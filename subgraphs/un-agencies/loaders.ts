// Per-request batching: one statement per batch of agency ids or country codes, results in key order.
import DataLoader from 'dataloader'
import type { AgencyRow, ProjectRow, UnAgencyRepository } from './repository.ts'

export function createLoaders(repo: UnAgencyRepository) {
  return {
    agency: new DataLoader<string, AgencyRow | null>(async (ids) => {
      const rows = await repo.agenciesByIds(ids)
      const byId = new Map(rows.map((r) => [r.id, r]))
      return ids.map((id) => byId.get(id) ?? null)
    }),
    projectsByAgency: new DataLoader<string, ProjectRow[]>(async (ids) => {
      const rows = await repo.projectsByAgencies(ids)
      return ids.map((id) => rows.filter((r) => r.agency_id === id))
    }),
    projectsByCountry: new DataLoader<string, ProjectRow[]>(async (codes) => {
      const rows = await repo.projectsByCountries(codes)
      return codes.map((code) => rows.filter((r) => r.countries.includes(code)))
    }),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
