// Per-request batching: one statement per batch of ids or country codes.
import DataLoader from 'dataloader'
import type { PartnerRepository, PartnerRow } from './repository.ts'

export function createLoaders(repo: PartnerRepository) {
  return {
    partner: new DataLoader<string, PartnerRow | null>(async (ids) => {
      const rows = await repo.byIds(ids)
      const byId = new Map(rows.map((r) => [r.id, r]))
      return ids.map((id) => byId.get(id) ?? null)
    }),
    partnersByCountry: new DataLoader<string, PartnerRow[]>(async (codes) => {
      const rows = await repo.byCountries(codes)
      return codes.map((code) => rows.filter((r) => r.countries.includes(code)))
    }),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
