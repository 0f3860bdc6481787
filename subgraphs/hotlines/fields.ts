// Field resolvers of the object types. Restricted and partner-only channels are checked here
// against the caller's identity as well as by the gateway (defence in depth).
import { revisionView } from '../common/changes.ts'
import { forbidden } from '../common/errors.ts'
import { pickText, type LocalizedText } from '../common/i18n.ts'
import { isPartner, mayReadRestricted } from '../common/identity.ts'
import { hotlineVisible, mayAudit, requireAuditor } from './access.ts'
import type { Visibility } from './contacts.ts'
import type { Context } from './context.ts'
import { isStale } from './freshness.ts'
import type { ChannelRow, HarmTypeRow, HotlineRow, StaleRow } from './repository.ts'
import { isOpenAt, type Schedule } from './schedule.ts'

type Lang = { lang?: string | null }

const text = (texts: LocalizedText[], { lang }: Lang) => pickText(texts, lang)
const country = (code: string | null) => (code ? { code } : null)
const openNow = (schedule: Schedule | null, ctx: Context) => (schedule ? isOpenAt(schedule, ctx.now) : null)

async function channelsOf(hotline: HotlineRow, visibility: Visibility, ctx: Context) {
  if (visibility === 'PARTNERS' && !isPartner(ctx.identity)) {
    throw forbidden('Partner channels are visible to signed-in partners only.')
  }
  if (visibility === 'RESTRICTED' && !mayReadRestricted(ctx.identity)) {
    throw forbidden('Escalation channels are restricted to verified tech companies, governments and the ASEAN Secretariat.')
  }
  return ctx.loaders.channels[visibility].load(hotline.id)
}

/** A service by id as this reader may see it: retired ones only for their operator and staff. */
export async function visibleHotline(id: string, ctx: Context): Promise<HotlineRow | null> {
  const row = await ctx.loaders.hotline.load(id)
  return row && hotlineVisible(ctx.identity, row) ? row : null
}

function verifiedBy(row: { id: string; operator_id: string | null; verified_by: string | null }, ctx: Context) {
  if (!mayAudit(ctx.identity, row)) throw forbidden(`Who confirmed "${row.id}" is shown only to its operator and the ASEAN Secretariat.`)
  return row.verified_by
}

export const Hotline = {
  __resolveReference: ({ id }: { id: string }, ctx: Context) => visibleHotline(id, ctx),
  name: (h: HotlineRow, args: Lang) => text(h.names, args),
  description: (h: HotlineRow, args: Lang) => text(h.descriptions, args),
  country: (h: HotlineRow) => country(h.country),
  servesCountries: (h: HotlineRow) => h.serves.map((code) => ({ code })),
  acceptsInternationalReports: (h: HotlineRow) => h.international,
  operator: (h: HotlineRow) => (h.operator_id ? { id: h.operator_id } : null),
  harmTypes: async (h: HotlineRow, _: unknown, ctx: Context) => {
    const codes = await ctx.loaders.harmCodes.load(h.id)
    return (await ctx.loaders.harmType.loadMany(codes)).filter((r): r is HarmTypeRow => Boolean(r) && !(r instanceof Error))
  },
  ages: (h: HotlineRow) => (h.min_age == null && h.max_age == null && !h.ages_note.length ? null : h),
  openNow: (h: HotlineRow, _: unknown, ctx: Context) => openNow(h.schedule, ctx),
  channels: (h: HotlineRow, _: unknown, ctx: Context) => channelsOf(h, 'PUBLIC', ctx),
  partnerChannels: (h: HotlineRow, _: unknown, ctx: Context) => channelsOf(h, 'PARTNERS', ctx),
  escalationChannels: (h: HotlineRow, _: unknown, ctx: Context) => channelsOf(h, 'RESTRICTED', ctx),
  retiredChannels: (h: HotlineRow, _: unknown, ctx: Context) => {
    requireAuditor(ctx.identity, h, `the retired channels of "${h.id}"`)
    return ctx.loaders.retiredChannels.load(h.id)
  },
  verifiedAt: (h: HotlineRow) => h.verified_at,
  verifiedBy: (h: HotlineRow, _: unknown, ctx: Context) => verifiedBy(h, ctx),
  stale: (h: HotlineRow, _: unknown, ctx: Context) => isStale(h.verified_at, ctx.now, ctx.staleAfterDays),
  updatedAt: (h: HotlineRow) => h.updated_at,
  changes: async (h: HotlineRow, _: unknown, ctx: Context) => {
    requireAuditor(ctx.identity, h, `the service "${h.id}"`)
    return (await ctx.loaders.hotlineChanges.load(h.id)).map(revisionView)
  },
}

export const AgeRange = {
  min: (h: HotlineRow) => h.min_age,
  max: (h: HotlineRow) => h.max_age,
  note: (h: HotlineRow, args: Lang) => text(h.ages_note, args),
}

export const ContactChannel = {
  dialableIn: (c: ChannelRow) => country(c.dialable_in),
  label: (c: ChannelRow, args: Lang) => text(c.labels, args),
  freeOfCharge: (c: ChannelRow) => c.free_of_charge,
  verifiedAt: (c: ChannelRow) => c.verified_at,
  verifiedBy: (c: ChannelRow, _: unknown, ctx: Context) => verifiedBy(c, ctx),
  updatedAt: (c: ChannelRow) => c.updated_at,
  changes: async (c: ChannelRow, _: unknown, ctx: Context) => {
    requireAuditor(ctx.identity, c, `the contact channel "${c.id}"`)
    return (await ctx.loaders.channelChanges.load(c.id)).map(revisionView)
  },
  scheduleInherited: (c: ChannelRow) => c.inherits_schedule,
  openNow: (c: ChannelRow, _: unknown, ctx: Context) => openNow(c.schedule, ctx),
  stale: (c: ChannelRow, _: unknown, ctx: Context) => isStale(c.verified_at, ctx.now, ctx.staleAfterDays),
  hotline: (c: ChannelRow, _: unknown, ctx: Context) => ctx.loaders.hotline.load(c.hotline_id),
}

export const OpeningHours = {
  intervals: (s: Schedule) => s.intervals,
  note: (s: Schedule, args: Lang) => text(s.note ?? [], args),
}

export const HarmType = {
  __resolveReference: ({ code }: { code: string }, ctx: Context) => ctx.loaders.harmType.load(code),
  label: (h: HarmTypeRow, args: Lang) => text(h.labels, args),
  description: (h: HarmTypeRow, args: Lang) => text(h.descriptions, args),
  nationalTerms: (h: HarmTypeRow) => h.national_terms.map((t) => ({ ...t, country: { code: t.country } })),
}

export const StaleContact = {
  channel: (s: StaleRow) => s,
  hotline: (s: StaleRow, _: unknown, ctx: Context) => ctx.loaders.hotline.load(s.hotline_id),
  country: (s: StaleRow) => country(s.country),
  verifiedAt: (s: StaleRow) => s.verified_at,
  daysSinceVerified: (s: StaleRow) => s.days,
}

export const Partner = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  hotlines: ({ id }: { id: string }, _: unknown, ctx: Context) => ctx.loaders.hotlinesByOperator.load(id),
}

export const Country = {
  __resolveReference: ({ code }: { code: string }) => ({ code }),
  hotlines: async ({ code }: { code: string }, { kind }: { kind?: string | null }, ctx: Context) => {
    const rows = await ctx.loaders.hotlinesByCountry.load(code)
    return kind ? rows.filter((r) => r.kind === kind) : rows
  },
}
