import { revisionView } from '../common/changes.ts'
import { forbidden } from '../common/errors.ts'
import { mayReadRestricted } from '../common/identity.ts'
import { scalars } from '../common/scalars.ts'
import { isVisible, requireAuditor } from './access.ts'
import type { Context } from './context.ts'
import type { RouteInput } from './input.ts'
import type { CompanyRow, PlatformKind, PlatformRow, RouteRow } from './repository.ts'
import { createLawEnforcementRoute, retireLawEnforcementRoute, updateLawEnforcementRoute } from './writes.ts'

interface WriteArgs {
  companyId: string
  expectedVersion: number
}

export const resolvers = {
  ...scalars,
  Query: {
    techCompanyPlatforms: (_: unknown, { kind }: { kind?: PlatformKind | null }, ctx: Context) => ctx.repo.platforms(kind ?? null),
  },
  Mutation: {
    createLawEnforcementRoute: (_: unknown, args: { companyId: string; input: RouteInput }, ctx: Context) =>
      createLawEnforcementRoute(ctx, args.companyId, args.input),
    updateLawEnforcementRoute: (_: unknown, args: WriteArgs & { input: RouteInput }, ctx: Context) =>
      updateLawEnforcementRoute(ctx, args.companyId, args.expectedVersion, args.input),
    retireLawEnforcementRoute: (_: unknown, args: WriteArgs, ctx: Context) => retireLawEnforcementRoute(ctx, args.companyId, args.expectedVersion),
  },
  TechCompany: {
    // A company registered after the seed has no record here until its first write: empty
    // details, never null (null would void every list the company is in).
    __resolveReference: async ({ id }: { id: string }, ctx: Context): Promise<CompanyRow> =>
      (await ctx.loaders.company.load(id)) ?? { id, memberships: [], transparency_report_url: null },
    platforms: (c: CompanyRow, _: unknown, ctx: Context) => ctx.loaders.platforms.load(c.id),
    transparencyReportUrl: (c: CompanyRow) => c.transparency_report_url,
    // The gateway already filters this field by role; checking again here means a mistake in the
    // policy, or a call that skips the gateway's filter, still cannot leak an escalation route.
    // A retired route is gone for its readers; the company and the Secretariat still see it.
    lawEnforcementRequestRoute: async (c: CompanyRow, _: unknown, ctx: Context) => {
      if (!mayReadRestricted(ctx.identity)) {
        throw forbidden('Law-enforcement request routes are restricted to verified tech companies, governments and the ASEAN Secretariat.')
      }
      const row = await ctx.loaders.route.load(c.id)
      return row && isVisible(ctx.identity, row) ? row : null
    },
  },
  Platform: {
    company: (p: PlatformRow, _: unknown, ctx: Context) => ctx.loaders.company.load(p.company_id),
  },
  LawEnforcementRoute: {
    verifiedAt: (r: RouteRow) => r.verified_at,
    changes: async (r: RouteRow, _: unknown, ctx: Context) => {
      requireAuditor(ctx.identity, r.company_id)
      return (await ctx.loaders.routeChanges.load(r.company_id)).map(revisionView)
    },
  },
}
