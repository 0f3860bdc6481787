import { ASEAN_MEMBER_CODES, requireCountry } from '../common/countries.ts'
import { forbidden } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { scalars } from '../common/scalars.ts'
import type { Context } from './context.ts'
import { AgeRange, ContactChannel, Country, HarmType, Hotline, OpeningHours, Partner, StaleContact } from './fields.ts'
import { staleCutoff } from './freshness.ts'
import { addContactChannel, confirmContactChannel } from './mutations.ts'
import { ReferralStep, referralPathway, requireHarm } from './referral.ts'

interface HotlineFilter {
  country?: string | null
  kind?: string | null
  harm?: string | null
}

export const resolvers = {
  ...scalars,
  Query: {
    hotline: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.hotline.load(requireId(id)),
    hotlines: async (_: unknown, args: HotlineFilter, ctx: Context) => {
      const country = args.country == null ? null : requireCountry(args.country)
      const harm = args.harm == null ? null : (await requireHarm(args.harm, ctx)).code
      const rows = await ctx.repo.search({ country, kind: args.kind, harm })
      for (const row of rows) ctx.loaders.hotline.prime(row.id, row)
      return rows
    },
    harmTypes: async (_: unknown, __: unknown, ctx: Context) => {
      const rows = await ctx.repo.allHarmTypes()
      for (const row of rows) ctx.loaders.harmType.prime(row.code, row)
      return rows
    },
    harmType: (_: unknown, { code }: { code: string }, ctx: Context) => (code.length <= 40 ? ctx.loaders.harmType.load(code) : null),
    referralPathway,
    staleContacts: async (_: unknown, args: { country?: string | null }, ctx: Context) => {
      if (!isStaff(ctx.identity)) throw forbidden('The stale-contact report is for the ASEAN Secretariat and admins.')
      const country = args.country == null ? null : requireCountry(args.country)
      return ctx.repo.staleChannels(staleCutoff(ctx.now, ctx.staleAfterDays), ctx.now, country)
    },
    contactFreshness: (_: unknown, __: unknown, ctx: Context) => {
      if (!isStaff(ctx.identity)) throw forbidden('The contact-freshness report is for the ASEAN Secretariat and admins.')
      return ctx.repo.contactFreshness(staleCutoff(ctx.now, ctx.staleAfterDays), ASEAN_MEMBER_CODES)
    },
  },
  Mutation: { addContactChannel, confirmContactChannel },
  Hotline,
  AgeRange,
  ContactChannel,
  OpeningHours,
  HarmType,
  StaleContact,
  ReferralStep,
  Partner,
  Country,
}
