// Per-request batching: one statement per batch of ids, results in key order.
import DataLoader from 'dataloader'
import { revisions, type Revision } from '../common/changes.ts'
import type { MembershipRow, ProgramRepository, ProgramRow, Viewer } from './repository.ts'

function grouped<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const key = keyOf(row)
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  return keys.map((key) => groups.get(key) ?? [])
}

export function createLoaders(repo: ProgramRepository, viewer: Viewer) {
  return {
    program: new DataLoader<string, ProgramRow | null>(async (ids) => {
      const byId = new Map((await repo.byIds(ids)).map((r) => [r.id, r]))
      return ids.map((id) => byId.get(id) ?? null)
    }),
    /** Programs by owner id, as far as this request's reader may see them. */
    programsByOwner: new DataLoader<string, ProgramRow[]>(async (ownerIds) =>
      grouped(ownerIds, await repo.byOwners(ownerIds, viewer), (r) => r.owner_id),
    ),
    changes: new DataLoader<string, Revision[]>(async (ids) => grouped(ids, revisions(await repo.changes(ids)), (r) => r.entityId)),
    membershipsOf: new DataLoader<string, MembershipRow[]>(async (ids) => grouped(ids, await repo.membershipsOf(ids), (r) => r.member_id)),
    membersOf: new DataLoader<string, MembershipRow[]>(async (ids) => grouped(ids, await repo.membersOf(ids), (r) => r.network_id)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
