import { revisionView } from '../common/changes.ts'
import { ASEAN_MEMBER_CODES, isCountryCode, requireCountry } from '../common/countries.ts'
import { forbidden } from '../common/errors.ts'
import { isStaff, type Identity } from '../common/identity.ts'
import { isId, requireId } from '../common/ids.ts'
import { pickText } from '../common/i18n.ts'
import { connection, decodeCursor, pageSize } from '../common/pagination.ts'
import { scalars } from '../common/scalars.ts'
import { Validator } from '../common/validate.ts'
import { isVisible, mayAudit, requireAuditor } from './access.ts'
import type { Context } from './context.ts'
import type { ResourceInput } from './input.ts'
import type { ResourceFilter, ResourceRow, ResourceStatus, ReviewRow } from './repository.ts'
import { confirmResource, createResource, retireResource, updateResource } from './writes.ts'

interface FilterInput {
  kind?: string | null
  audience?: string | null
  language?: string | null
  focusArea?: string | null
  country?: string | null
  publisher?: string | null
  text?: string | null
  status?: ResourceStatus | null
}

const FOCUS_AREA = /^rpa-\d{4}-\d{1,2}$/
const TEXT_MAX = 200

// Only staff and the lead publisher see resources that are not published; to anyone else they do not exist.
const visible = (row: ResourceRow | null, who: Identity) => (row && isVisible(who, row) ? row : null)

const DAY_MS = 24 * 60 * 60 * 1000
const staleCutoff = (ctx: Context) => new Date(ctx.now.getTime() - ctx.staleAfterDays * DAY_MS)
type Versioned<T = object> = { id: string; expectedVersion: number } & T

/** Every violation at once (BAD_USER_INPUT with extensions.violations), values canonicalised. */
function validFilter(input: FilterInput | null | undefined, who: Identity): ResourceFilter {
  const f = input ?? {}
  const v = new Validator()
  const country = f.country?.toUpperCase() ?? null
  if (country != null && !isCountryCode(country)) {
    v.fail('filter.country', `"${f.country!.slice(0, 20)}" is not an ISO 3166-1 alpha-2 country code; ASEAN members: ${ASEAN_MEMBER_CODES.join(', ')}`)
  }
  const language = v.language('filter.language', f.language)
  if (f.focusArea != null && !FOCUS_AREA.test(f.focusArea)) {
    v.fail('filter.focusArea', `"${f.focusArea.slice(0, 40)}" is not a focus-area code; the 2021-2025 plan has rpa-2021-1 to rpa-2021-7`)
  }
  if (f.publisher != null && !isId(f.publisher)) {
    v.fail('filter.publisher', `"${f.publisher.slice(0, 80)}" is not a partner id (lower-case letters, digits and dashes, such as "ecpat-international")`)
  }
  const text = f.text?.trim() || null
  v.text('filter.text', text, { max: TEXT_MAX })
  v.throwIfInvalid()
  const status = f.status ?? 'PUBLISHED'
  if (status !== 'PUBLISHED' && !isStaff(who)) throw forbidden('Only the ASEAN Secretariat and admins may list resources that are not published.')
  return {
    kind: f.kind ?? null,
    audience: f.audience ?? null,
    language: language?.toLowerCase() ?? null,
    focusArea: f.focusArea ?? null,
    country,
    publisher: f.publisher ?? null,
    text,
    status,
  }
}

export const resolvers = {
  ...scalars,
  Query: {
    resource: async (_: unknown, { id }: { id: string }, ctx: Context) => visible(await ctx.loaders.resource.load(requireId(id)), ctx.identity),
    resources: async (_: unknown, args: { filter?: FilterInput; first?: number; after?: string }, ctx: Context) => {
      const filter = validFilter(args.filter, ctx.identity)
      const limit = pageSize(args.first)
      const after = decodeCursor(args.after)
      const [rows, total] = await Promise.all([ctx.repo.search(filter, limit, after), ctx.repo.count(filter)])
      for (const row of rows) ctx.loaders.resource.prime(row.id, row)
      return connection(rows, limit, (r) => ({ key: r.sort_title, id: r.id }), total)
    },
    resourceReviewQueue: async (_: unknown, args: { country?: string | null }, ctx: Context) => {
      if (!isStaff(ctx.identity)) throw forbidden('The resource review queue is for the ASEAN Secretariat and admins.')
      const country = args.country == null ? null : requireCountry(args.country)
      const rows = await ctx.repo.reviewQueue(staleCutoff(ctx), ctx.now, country)
      for (const row of rows) ctx.loaders.resource.prime(row.id, row)
      return rows
    },
  },
  Mutation: {
    createResource: (_: unknown, args: { input: ResourceInput & { verified?: boolean | null } }, ctx: Context) => createResource(ctx, args.input),
    updateResource: (_: unknown, a: Versioned<{ input: ResourceInput }>, ctx: Context) => updateResource(ctx, a.id, a.expectedVersion, a.input),
    retireResource: (_: unknown, a: Versioned, ctx: Context) => retireResource(ctx, a.id, a.expectedVersion),
    confirmResource: (_: unknown, a: Versioned<{ source?: string | null }>, ctx: Context) => confirmResource(ctx, a.id, a.expectedVersion, a.source),
  },
  ResourceReview: {
    resource: (r: ReviewRow) => r,
    reason: (r: ReviewRow) => (r.verified ? 'STALE' : 'UNVERIFIED'),
    verifiedAt: (r: ReviewRow) => r.verified_at,
    waitingSince: (r: ReviewRow) => r.waiting_since,
    daysWaiting: (r: ReviewRow) => r.days,
  },
  Resource: {
    __resolveReference: async ({ id }: { id: string }, ctx: Context) => visible(await ctx.loaders.resource.load(id), ctx.identity),
    title: (r: ResourceRow, { lang }: { lang?: string }) => pickText(r.titles, lang),
    summary: (r: ResourceRow, { lang }: { lang?: string }) => pickText(r.summaries, lang),
    focusAreas: (r: ResourceRow) => r.focus_areas.map((code) => ({ code })),
    harmTypes: (r: ResourceRow) => r.harm_types.map((code) => ({ code })),
    countries: (r: ResourceRow) => r.countries.map((code) => ({ code })),
    publisher: (r: ResourceRow) => ({ id: r.publisher }),
    copublishers: (r: ResourceRow) => r.copublishers.map((id) => ({ id })),
    publishedOn: (r: ResourceRow) => r.published_on,
    publishedYear: (r: ResourceRow) => r.published_year,
    updatedAt: (r: ResourceRow) => r.updated_at,
    verifiedAt: (r: ResourceRow) => r.verified_at,
    verifiedBy: (r: ResourceRow, _: unknown, ctx: Context) => {
      if (!mayAudit(ctx.identity, r)) throw forbidden(`Who confirmed the resource "${r.id}" is shown only to its lead publisher and the ASEAN Secretariat.`)
      return r.verified_by
    },
    stale: (r: ResourceRow, _: unknown, ctx: Context) => r.verified_at === null || r.verified_at < staleCutoff(ctx),
    changes: async (r: ResourceRow, _: unknown, ctx: Context) => {
      requireAuditor(ctx.identity, r, 'The change history')
      return (await ctx.loaders.changes.load(r.id)).map(revisionView)
    },
  },
  Partner: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    resources: ({ id }: { id: string }, _: unknown, ctx: Context) => ctx.loaders.resourcesByPublisher.load(id),
  },
  Country: {
    __resolveReference: ({ code }: { code: string }) => ({ code }),
    resources: ({ code }: { code: string }, _: unknown, ctx: Context) => ctx.loaders.resourcesByCountry.load(code),
  },
}
