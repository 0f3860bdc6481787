// The review queue: what the Secretariat should check next in a country. A service or channel is
// in it when nobody has confirmed it since its last change (UNVERIFIED) or its last check is
// older than STALE_AFTER_DAYS (STALE); retired ones are not.
import { requireCountry } from '../common/countries.ts'
import { forbidden } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import type { Context } from './context.ts'
import { staleCutoff } from './freshness.ts'
import type { ReviewRow } from './repository.ts'

export async function reviewQueue(_: unknown, args: { country?: string | null }, ctx: Context) {
  if (!isStaff(ctx.identity)) throw forbidden('The review queue is for the ASEAN Secretariat and admins.')
  const country = args.country == null ? null : requireCountry(args.country)
  return ctx.repo.reviewQueue(staleCutoff(ctx.now, ctx.staleAfterDays), ctx.now, country)
}

export const ContactReview = {
  hotline: (r: ReviewRow, _: unknown, ctx: Context) => ctx.loaders.hotline.load(r.hotline_id),
  channel: (r: ReviewRow, _: unknown, ctx: Context) => (r.channel_id ? ctx.loaders.channel.load(r.channel_id) : null),
  country: (r: ReviewRow) => (r.country ? { code: r.country } : null),
  reason: (r: ReviewRow) => (r.verified ? 'STALE' : 'UNVERIFIED'),
  verifiedAt: (r: ReviewRow) => r.verified_at,
  waitingSince: (r: ReviewRow) => r.waiting_since,
  daysWaiting: (r: ReviewRow) => r.days,
}
