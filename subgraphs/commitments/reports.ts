// The ASEAN Secretariat's reports. The gateway admits only staff (policy 'staff'); the check is
// repeated here so that a request that reaches the subgraph some other way gets nothing.
// Rows are flat (scalars only, plus the partner reference) so that they export to CSV as they are.
import { forbidden } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { pickText, type LocalizedText } from '../common/i18n.ts'
import { Validator } from '../common/validate.ts'
import type { Context } from './context.ts'
import { DEFAULT_PLAN, checkFocusArea, checkMemberState, checkPlan } from './inputs.ts'
import type { IntervalUnit, PartnerCountRow } from './repository.ts'

interface Period {
  from: string
  to: string
}

const UNITS = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' } as const satisfies Record<string, IntervalUnit>
const MONTHS_PER = { month: 1, quarter: 3, year: 12 } as const
/** About 33 years by month: enough for any report, small enough to stay fast. */
export const MAX_INTERVALS = 400

const today = (now: Date) => now.toISOString().slice(0, 10)

function requireStaff(ctx: Context) {
  if (!isStaff(ctx.identity)) throw forbidden('Reports are for the ASEAN Secretariat and admins.')
}

function checkPeriod(v: Validator, path: string, period: Period) {
  v.dateOrder(`${path}.from`, period.from, `${path}.to`, period.to)
}

/** How many calendar intervals (months, quarters, years) a period touches. */
function intervalCount(unit: IntervalUnit, { from, to }: Period): number {
  const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1
  const per = MONTHS_PER[unit]
  return Math.floor(month(to) / per) - Math.floor(month(from) / per) + 1
}

async function planOrFail(ctx: Context, code: string | null | undefined, v: Validator) {
  return checkPlan(ctx, v, 'plan', code ?? DEFAULT_PLAN)
}

export const reportQueries = {
  commitmentsByFocusArea: async (_: unknown, args: { period: Period; plan?: string | null }, ctx: Context) => {
    requireStaff(ctx)
    const v = new Validator()
    const plan = await planOrFail(ctx, args.plan, v)
    checkPeriod(v, 'period', args.period)
    v.throwIfInvalid()
    return ctx.reports.countsByFocusArea(args.period.from, args.period.to, plan!.code)
  },

  coverageGaps: async (_: unknown, args: { asOf?: string | null; plan?: string | null }, ctx: Context) => {
    requireStaff(ctx)
    const v = new Validator()
    const plan = await planOrFail(ctx, args.plan, v)
    v.throwIfInvalid()
    return ctx.reports.coverageGaps(args.asOf ?? today(ctx.now), plan!.code)
  },

  progressOverTime: async (
    _: unknown,
    args: { focusArea: string; country?: string | null; interval?: keyof typeof UNITS | null; period?: Period | null },
    ctx: Context,
  ) => {
    requireStaff(ctx)
    const v = new Validator()
    const area = await checkFocusArea(ctx, v, 'focusArea', args.focusArea)
    const country = checkMemberState(v, 'country', args.country)
    const unit = UNITS[args.interval ?? 'QUARTER']
    if (args.period) checkPeriod(v, 'period', args.period)
    v.throwIfInvalid()
    const plan = (await ctx.loaders.plan.load(area!.plan))!
    const period = args.period ?? { from: plan.period_start, to: today(ctx.now) }
    if (period.from <= period.to && intervalCount(unit, period) > MAX_INTERVALS) {
      v.fail('period', `covers more than ${MAX_INTERVALS} intervals of one ${unit}: choose a shorter period or a longer interval`)
    }
    v.throwIfInvalid()
    if (period.from > period.to) return []
    const rows = await ctx.reports.progressOverTime(area!.code, country, unit, period.from, period.to)
    return rows.map((r) => ({ ...r, focusArea: area!.code, country }))
  },

  partnerCommitmentCounts: async (_: unknown, args: { plan?: string | null; asOf?: string | null }, ctx: Context) => {
    requireStaff(ctx)
    const v = new Validator()
    const plan = await planOrFail(ctx, args.plan, v)
    v.throwIfInvalid()
    return ctx.reports.partnerCounts(plan!.code, args.asOf ?? today(ctx.now))
  },
}

const focusAreaLabel = (row: { labels: LocalizedText[] }, { lang }: { lang?: string }) => pickText(row.labels, lang)

export const reportRows = {
  FocusAreaCountRow: { focusAreaLabel },
  CoverageGapRow: { focusAreaLabel },
  PartnerCommitmentCountRow: { partner: (row: PartnerCountRow) => ({ id: row.partnerId }) },
}
