// Per-request batching: one statement per batch of resource ids, partner ids or country codes.
import DataLoader from 'dataloader'
import { revisions, type Revision } from '../common/changes.ts'
import type { ResourceRepository, ResourceRow } from './repository.ts'

export function createLoaders(repo: ResourceRepository) {
  return {
    resource: new DataLoader<string, ResourceRow | null>(async (ids) => {
      const rows = await repo.byIds(ids)
      const byId = new Map(rows.map((r) => [r.id, r]))
      return ids.map((id) => byId.get(id) ?? null)
    }),
    resourcesByPublisher: new DataLoader<string, ResourceRow[]>(async (ids) => {
      const rows = await repo.byPublishers(ids)
      return ids.map((id) => rows.filter((r) => r.publisher === id || r.copublishers.includes(id)))
    }),
    resourcesByCountry: new DataLoader<string, ResourceRow[]>(async (codes) => {
      const rows = await repo.byCountries(codes)
      return codes.map((code) => rows.filter((r) => r.countries.includes(code)))
    }),
    changes: new DataLoader<string, Revision[]>(async (ids) => {
      const all = revisions(await repo.changes(ids))
      return ids.map((id) => all.filter((r) => r.entityId === id))
    }),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
