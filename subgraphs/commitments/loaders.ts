// Per-request batching: one statement per batch of keys, results in key order.
import DataLoader from 'dataloader'
import type {
  CommitmentRepository,
  CommitmentRow,
  CommitmentStatus,
  FocusAreaRow,
  MnrCapabilityRow,
  PlanRow,
  ProgressRow,
} from './repository.ts'

export interface CountryKey {
  code: string
  status: CommitmentStatus | null
}

function byKey<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R | null>(async (keys) => {
    const found = new Map((await fetch(keys)).map((r) => [keyOf(r), r]))
    return keys.map((k) => found.get(k) ?? null)
  })
}

function grouped<R>(fetch: (keys: readonly string[]) => Promise<R[]>, keyOf: (row: R) => string) {
  return new DataLoader<string, R[]>(async (keys) => {
    const groups = new Map<string, R[]>(keys.map((k) => [k, []]))
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row)
    return keys.map((k) => groups.get(k)!)
  })
}

export function createLoaders(repo: CommitmentRepository) {
  return {
    plan: byKey<string, PlanRow>((codes) => repo.plans(codes), (r) => r.code),
    focusArea: byKey<string, FocusAreaRow>((codes) => repo.focusAreas(codes, null), (r) => r.code),
    focusAreasByPlan: grouped<FocusAreaRow>((plans) => repo.focusAreas(null, plans), (r) => r.plan),
    mnrCapability: byKey<string, MnrCapabilityRow>((codes) => repo.mnrCapabilities(codes, null), (r) => r.code),
    commitment: byKey<string, CommitmentRow>((ids) => repo.byIds(ids), (r) => r.id),
    commitmentsByPartner: grouped<CommitmentRow>((ids) => repo.byPartners(ids), (r) => r.partner_id),
    commitmentsByCountry: new DataLoader<CountryKey, CommitmentRow[], string>(
      async (keys) => {
        const groups = new Map<string, CommitmentRow[]>(keys.map((k) => [countryKey(k), []]))
        for (const { key_code, key_status, ...row } of await repo.byCountries(keys)) {
          groups.get(countryKey({ code: key_code, status: key_status as CommitmentStatus | null }))?.push(row)
        }
        return keys.map((k) => groups.get(countryKey(k))!)
      },
      { cacheKeyFn: (k) => countryKey(k) },
    ),
    progressUpdates: grouped<ProgressRow>((ids) => repo.progress(ids), (r) => r.commitment_id),
    latestProgress: byKey<string, ProgressRow>((ids) => repo.latestProgress(ids), (r) => r.commitment_id),
  }
}

const countryKey = (k: CountryKey) => `${k.code}|${k.status ?? ''}`

export type Loaders = ReturnType<typeof createLoaders>
