// A commitment's status from its dated progress reports, by the same rules as recordProgress in
// repository.ts: above 0 % it is in progress, at 100 % (by the latest-dated report) completed
// from the first 100 % after the last report below it; lapsed is decided by people, not reports.
// Used to write consistent seed and generated rows in one statement.
import type { CommitmentStatus } from './repository.ts'

export type Report = readonly [date: string, percent: number]

export interface DerivedStatus {
  status: CommitmentStatus
  started_on: string | null
  closed_on: string | null
}

/** `reports` in date order. */
export function deriveStatus(reports: readonly Report[], lapsedOn?: string | null): DerivedStatus {
  const started = reports.find(([, p]) => p > 0)?.[0] ?? null
  if (lapsedOn) return { status: 'LAPSED', started_on: started, closed_on: lapsedOn }
  const last = reports.at(-1)
  if (last?.[1] === 100) {
    const lastBelow = reports.filter(([, p]) => p < 100).at(-1)?.[0]
    const completed = reports.find(([d, p]) => p === 100 && (!lastBelow || d > lastBelow))?.[0] ?? last[0]
    return { status: 'COMPLETED', started_on: started, closed_on: completed }
  }
  return { status: started ? 'IN_PROGRESS' : 'PLEDGED', started_on: started, closed_on: null }
}
