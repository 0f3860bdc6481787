// Per-request batching: one statement per batch of keys, results in key order. Channels have one
// loader per visibility, so a public request never reads a restricted row at all.
import DataLoader from 'dataloader'
import { revisions, type Revision } from '../common/changes.ts'
import type { Visibility } from './contacts.ts'
import type { ChannelRow, HarmTypeRow, HotlineRepository, HotlineRow } from './repository.ts'

function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]))
  return keys.map((k) => map.get(k) ?? null)
}

function grouped<R>(keys: readonly string[], rows: R[], keysOf: (row: R) => readonly (string | null)[]): R[][] {
  const groups = new Map<string, R[]>(keys.map((k) => [k, []]))
  for (const row of rows) for (const k of keysOf(row)) if (k !== null) groups.get(k)?.push(row)
  return keys.map((k) => groups.get(k)!)
}

export function createLoaders(repo: HotlineRepository) {
  const channels = (visibility: Visibility) =>
    new DataLoader<string, ChannelRow[]>(async (ids) => grouped(ids, await repo.channelsByHotlines(ids, visibility), (c) => [c.hotline_id]))
  const changes = (read: (ids: readonly string[]) => ReturnType<HotlineRepository['hotlineChanges']>) =>
    new DataLoader<string, Revision[]>(async (ids) => grouped(ids, revisions(await read(ids)), (r) => [r.entityId]))
  return {
    hotline: new DataLoader<string, HotlineRow | null>(async (ids) => byKey(ids, await repo.hotlinesByIds(ids), (r) => r.id)),
    hotlinesByCountry: new DataLoader<string, HotlineRow[]>(async (codes) =>
      grouped(codes, await repo.hotlinesByCountries(codes), (r) => [r.country, ...r.serves]),
    ),
    hotlinesByOperator: new DataLoader<string, HotlineRow[]>(async (ids) =>
      grouped(ids, await repo.hotlinesByOperators(ids), (r) => [r.operator_id]),
    ),
    harmType: new DataLoader<string, HarmTypeRow | null>(async (codes) => byKey(codes, await repo.harmTypesByCodes(codes), (r) => r.code)),
    harmCodes: new DataLoader<string, string[]>(async (ids) =>
      grouped(ids, await repo.harmCodesByHotlines(ids), (r) => [r.hotline_id]).map((rows) => rows.map((r) => r.harm_code)),
    ),
    channel: new DataLoader<string, ChannelRow | null>(async (ids) => byKey(ids, await repo.channelsByIds(ids), (r) => r.id)),
    channels: { PUBLIC: channels('PUBLIC'), PARTNERS: channels('PARTNERS'), RESTRICTED: channels('RESTRICTED') } satisfies Record<
      Visibility,
      DataLoader<string, ChannelRow[]>
    >,
    /** Retired channels of every visibility (owners and staff only). */
    retiredChannels: new DataLoader<string, ChannelRow[]>(async (ids) =>
      grouped(ids, await repo.channelsByHotlines(ids, null, 'RETIRED'), (c) => [c.hotline_id]),
    ),
    hotlineChanges: changes(repo.hotlineChanges),
    channelChanges: changes(repo.channelChanges),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
