// Freshness: a contact not checked within the configured number of days is stale, and so is one
// not checked at all since its last change (no verifiedAt).
const DAY_MS = 24 * 60 * 60 * 1000

export const staleCutoff = (now: Date, staleAfterDays: number) => new Date(now.getTime() - staleAfterDays * DAY_MS)

export const isStale = (verifiedAt: Date | null, now: Date, staleAfterDays: number) => verifiedAt === null || verifiedAt < staleCutoff(now, staleAfterDays)
