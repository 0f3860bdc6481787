// Freshness: a contact not verified within the configured number of days is stale.
const DAY_MS = 24 * 60 * 60 * 1000

export const staleCutoff = (now: Date, staleAfterDays: number) => new Date(now.getTime() - staleAfterDays * DAY_MS)

export const isStale = (verifiedAt: Date, now: Date, staleAfterDays: number) => verifiedAt < staleCutoff(now, staleAfterDays)
