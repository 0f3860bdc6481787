import { forbidden } from '../common/errors.ts'
import { isPartner } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { pickText, type LocalizedText } from '../common/i18n.ts'
import { connection, decodeCursor, pageSize } from '../common/pagination.ts'
import { scalars } from '../common/scalars.ts'
import { Validator } from '../common/validate.ts'
import type { Context } from './context.ts'
import { checkFocusArea, checkMemberState, checkPlan } from './inputs.ts'
import { recordProgress } from './progress.ts'
import { reportQueries, reportRows } from './reports.ts'
import type { CommitmentFilter, CommitmentRow, CommitmentStatus, FocusAreaRow, PlanRow, ProgressRow } from './repository.ts'

type Lang = { lang?: string }
const label = (row: { labels: LocalizedText[] }, { lang }: Lang) => pickText(row.labels, lang)

// Notes and authors are for signed-in partners; the gateway filters them out for the public and
// the subgraph refuses them too.
function partnerOnly<T>(ctx: Context, value: T): T {
  if (!isPartner(ctx.identity)) throw forbidden('Progress notes and their authors are visible to signed-in partners only.')
  return value
}

async function validFilter(ctx: Context, filter: CommitmentFilter | null | undefined): Promise<CommitmentFilter> {
  if (!filter) return {}
  const v = new Validator()
  const country = checkMemberState(v, 'filter.country', filter.country)
  await checkFocusArea(ctx, v, 'filter.focusArea', filter.focusArea)
  await checkPlan(ctx, v, 'filter.plan', filter.plan)
  v.throwIfInvalid()
  return { ...filter, country, partner: filter.partner == null ? null : requireId(filter.partner, 'filter.partner') }
}

export const resolvers = {
  ...scalars,
  Query: {
    plans: (_: unknown, __: unknown, ctx: Context) => ctx.repo.plans(null),
    focusAreas: async (_: unknown, { plan }: { plan?: string | null }, ctx: Context) => {
      if (plan == null) return ctx.repo.focusAreas(null, null)
      const v = new Validator()
      await checkPlan(ctx, v, 'plan', plan)
      v.throwIfInvalid()
      return ctx.loaders.focusAreasByPlan.load(plan)
    },
    mnrCapabilities: (_: unknown, { domain }: { domain?: string | null }, ctx: Context) => ctx.repo.mnrCapabilities(null, domain ?? null),
    commitment: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.commitment.load(requireId(id)),
    commitments: async (_: unknown, args: { filter?: CommitmentFilter; first?: number; after?: string }, ctx: Context) => {
      const filter = await validFilter(ctx, args.filter)
      const limit = pageSize(args.first)
      const [rows, total] = await Promise.all([ctx.repo.search(filter, limit, decodeCursor(args.after)), ctx.repo.count(filter)])
      for (const row of rows) ctx.loaders.commitment.prime(row.id, row)
      return connection(rows, limit, (r) => ({ key: r.pledged_on, id: r.id }), total)
    },
    ...reportQueries,
  },
  Mutation: { recordProgress },
  Plan: {
    title: (p: PlanRow, { lang }: Lang) => pickText(p.titles, lang),
    periodStart: (p: PlanRow) => p.period_start,
    periodEnd: (p: PlanRow) => p.period_end,
    focusAreas: (p: PlanRow, _: unknown, ctx: Context) => ctx.loaders.focusAreasByPlan.load(p.code),
  },
  FocusArea: {
    __resolveReference: ({ code }: { code: string }, ctx: Context) => ctx.loaders.focusArea.load(code),
    plan: (f: FocusAreaRow, _: unknown, ctx: Context) => ctx.loaders.plan.load(f.plan),
    label,
  },
  MnrCapability: {
    __resolveReference: ({ code }: { code: string }, ctx: Context) => ctx.loaders.mnrCapability.load(code),
    label,
  },
  Partner: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    commitments: ({ id }: { id: string }, _: unknown, ctx: Context) => ctx.loaders.commitmentsByPartner.load(id),
  },
  Country: {
    __resolveReference: ({ code }: { code: string }) => ({ code }),
    commitments: ({ code }: { code: string }, { status }: { status?: CommitmentStatus | null }, ctx: Context) =>
      ctx.loaders.commitmentsByCountry.load({ code, status: status ?? null }),
  },
  Commitment: {
    __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.commitment.load(id),
    partner: (c: CommitmentRow) => ({ id: c.partner_id }),
    plan: (c: CommitmentRow, _: unknown, ctx: Context) => ctx.loaders.plan.load(c.plan),
    focusArea: (c: CommitmentRow, _: unknown, ctx: Context) => ctx.loaders.focusArea.load(c.focus_area),
    mnrCapability: (c: CommitmentRow, _: unknown, ctx: Context) => (c.mnr_capability ? ctx.loaders.mnrCapability.load(c.mnr_capability) : null),
    countries: (c: CommitmentRow) => c.countries.map((code) => ({ code })),
    title: (c: CommitmentRow, { lang }: Lang) => pickText(c.titles, lang),
    pledgedOn: (c: CommitmentRow) => c.pledged_on,
    targetDate: (c: CommitmentRow) => c.target_date,
    updatedAt: (c: CommitmentRow) => c.updated_at,
    progress: (c: CommitmentRow, _: unknown, ctx: Context) => ctx.loaders.progressUpdates.load(c.id),
    latestProgress: (c: CommitmentRow, _: unknown, ctx: Context) => ctx.loaders.latestProgress.load(c.id),
  },
  ProgressUpdate: {
    note: (p: ProgressRow, _: unknown, ctx: Context) => partnerOnly(ctx, p.note),
    author: (p: ProgressRow, _: unknown, ctx: Context) => partnerOnly(ctx, p.author),
    recordedAt: (p: ProgressRow) => p.recorded_at,
  },
  ...reportRows,
}
