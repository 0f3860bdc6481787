import { ASEAN_MEMBER_CODES, requireCountry } from '../common/countries.ts'
import { forbidden } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { scalars } from '../common/scalars.ts'
import { channelVisible } from './access.ts'
import type { ChannelInput } from './channel-input.ts'
import { addContactChannel, confirmContactChannel, retireContactChannel, updateContactChannel } from './channel-writes.ts'
import type { Context } from './context.ts'
import { AgeRange, ContactChannel, Country, HarmType, Hotline, OpeningHours, Partner, StaleContact, visibleHotline } from './fields.ts'
import { staleCutoff } from './freshness.ts'
import type { HotlineInput } from './input.ts'
import { ReferralStep, referralPathway, requireHarm } from './referral.ts'
import type { HotlineStatus } from './repository.ts'
import { ContactReview, reviewQueue } from './review.ts'
import { confirmHotline, createHotline, retireHotline, updateHotline } from './writes.ts'

interface HotlineFilter {
  country?: string | null
  kind?: string | null
  harm?: string | null
  status?: HotlineStatus | null
}

type Versioned<T = object> = { id: string; expectedVersion: number } & T

export const resolvers = {
  ...scalars,
  Query: {
    hotline: (_: unknown, { id }: { id: string }, ctx: Context) => visibleHotline(requireId(id), ctx),
    hotlines: async (_: unknown, args: HotlineFilter, ctx: Context) => {
      const status = args.status ?? 'ACTIVE'
      if (status === 'RETIRED' && !isStaff(ctx.identity)) throw forbidden('Only the ASEAN Secretariat and admins list retired services.')
      const country = args.country == null ? null : requireCountry(args.country)
      const harm = args.harm == null ? null : (await requireHarm(args.harm, ctx)).code
      const rows = await ctx.repo.search({ country, kind: args.kind, harm, status })
      for (const row of rows) ctx.loaders.hotline.prime(row.id, row)
      return rows
    },
    contactChannel: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const row = await ctx.loaders.channel.load(requireId(id))
      return row && channelVisible(ctx.identity, row) ? row : null
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
    reviewQueue,
  },
  Mutation: {
    createHotline: (_: unknown, args: { input: HotlineInput & { verified?: boolean | null } }, ctx: Context) => createHotline(ctx, args.input),
    updateHotline: (_: unknown, a: Versioned<{ input: HotlineInput }>, ctx: Context) => updateHotline(ctx, a.id, a.expectedVersion, a.input),
    retireHotline: (_: unknown, a: Versioned, ctx: Context) => retireHotline(ctx, a.id, a.expectedVersion),
    confirmHotline: (_: unknown, a: Versioned<{ source?: string | null }>, ctx: Context) => confirmHotline(ctx, a.id, a.expectedVersion, a.source),
    addContactChannel: (_: unknown, args: { hotlineId: string; input: ChannelInput }, ctx: Context) => addContactChannel(ctx, args.hotlineId, args.input),
    updateContactChannel: (_: unknown, a: Versioned<{ input: ChannelInput }>, ctx: Context) => updateContactChannel(ctx, a.id, a.expectedVersion, a.input),
    retireContactChannel: (_: unknown, a: Versioned, ctx: Context) => retireContactChannel(ctx, a.id, a.expectedVersion),
    confirmContactChannel: (_: unknown, a: Versioned<{ source?: string | null }>, ctx: Context) =>
      confirmContactChannel(ctx, a.id, a.expectedVersion, a.source),
  },
  Hotline,
  AgeRange,
  ContactChannel,
  OpeningHours,
  HarmType,
  StaleContact,
  ContactReview,
  ReferralStep,
  Partner,
  Country,
}
