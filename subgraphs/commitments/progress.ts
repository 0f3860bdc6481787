// The one write path: a government records progress on a commitment in its own country; the
// ASEAN Secretariat and admins on any. The gateway lets only progress writers through; the
// ownership rule needs the commitment's countries, so it is decided here.
import { randomUUID } from 'node:crypto'
import { forbidden, notFound } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { Validator } from '../common/validate.ts'
import type { Context } from './context.ts'
import { commitmentRepository } from './repository.ts'

export const NOTE_MAX = 2000

// A progress date is a calendar date where the reporter is. ASEAN's easternmost time (UTC+9,
// Asia/Jayapura and Asia/Dili) is the first to reach a new day, so that day is the latest allowed.
const EASTERNMOST_OFFSET_MS = 9 * 3600 * 1000
export const latestReportableDate = (now: Date) => new Date(now.getTime() + EASTERNMOST_OFFSET_MS).toISOString().slice(0, 10)

interface Args {
  commitmentId: string
  date: string
  percent: number
  note: string
}

export async function recordProgress(_: unknown, args: Args, ctx: Context) {
  const who = ctx.identity
  const id = requireId(args.commitmentId, 'commitmentId')
  if (!isStaff(who) && who.role !== 'government') {
    throw forbidden('Progress is recorded by governments (for their own country), the ASEAN Secretariat and admins.')
  }
  const commitment = await ctx.loaders.commitment.load(id)
  if (!commitment) throw notFound('commitment', id)
  const ownCountry = who.country?.toUpperCase()
  if (!isStaff(who) && !(ownCountry && commitment.countries.includes(ownCountry))) {
    throw forbidden(
      `A government records progress only on commitments in its own country; commitment "${id}" is for ${commitment.countries.join(', ')}.`,
    )
  }

  const v = new Validator()
  if (args.percent < 0 || args.percent > 100) v.fail('percent', `must be from 0 to 100 (got ${args.percent})`)
  const latest = latestReportableDate(ctx.now)
  if (args.date > latest) v.fail('date', `must not be in the future (latest allowed: ${latest})`)
  if (args.date < commitment.pledged_on) v.fail('date', `must not be before the commitment was pledged (${commitment.pledged_on})`)
  v.text('note', args.note, { required: true, max: NOTE_MAX })
  v.throwIfInvalid()

  const row = await ctx.db.transaction((tx) =>
    commitmentRepository(tx).recordProgress({
      id: randomUUID(),
      commitmentId: id,
      date: args.date,
      percent: args.percent,
      note: args.note.trim(),
      author: who.sub ?? who.role,
      authorRole: who.role,
      authorOrg: who.org,
    }),
  )
  ctx.loaders.commitment.clear(id).prime(id, row)
  ctx.loaders.progressUpdates.clear(id)
  ctx.loaders.latestProgress.clear(id)
  return row
}
