import { forbidden } from '../common/errors.ts'
import { mayReadRestricted } from '../common/identity.ts'
import { scalars } from '../common/scalars.ts'
import type { Context } from './context.ts'
import type { CompanyRow, PlatformKind, PlatformRow, RouteRow } from './repository.ts'

export const resolvers = {
  ...scalars,
  Query: {
    techCompanyPlatforms: (_: unknown, { kind }: { kind?: PlatformKind | null }, ctx: Context) => ctx.repo.platforms(kind ?? null),
  },
  TechCompany: {
    __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.company.load(id),
    platforms: (c: CompanyRow, _: unknown, ctx: Context) => ctx.loaders.platforms.load(c.id),
    transparencyReportUrl: (c: CompanyRow) => c.transparency_report_url,
    // The gateway already filters this field by role; checking again here means a mistake in the
    // policy, or a call that skips the gateway's filter, still cannot leak an escalation route.
    lawEnforcementRequestRoute: (c: CompanyRow, _: unknown, ctx: Context) => {
      if (!mayReadRestricted(ctx.identity)) {
        throw forbidden('Law-enforcement request routes are restricted to verified tech companies, governments and the ASEAN Secretariat.')
      }
      return ctx.loaders.route.load(c.id)
    },
  },
  Platform: {
    company: (p: PlatformRow, _: unknown, ctx: Context) => ctx.loaders.company.load(p.company_id),
  },
  LawEnforcementRoute: {
    verifiedAt: (r: RouteRow) => r.verified_at,
  },
}
