import { revisionView } from '../common/changes.ts'
import { requireCountry } from '../common/countries.ts'
import { forbidden } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { pickText } from '../common/i18n.ts'
import { connection, decodeCursor, pageSize } from '../common/pagination.ts'
import { scalars } from '../common/scalars.ts'
import { isVisible, requireAuditor } from './access.ts'
import type { Context } from './context.ts'
import type { PartnerInput } from './input.ts'
import type { PartnerFilter, PartnerRow, PartnerStatus } from './repository.ts'
import { registerPartner, retirePartner, updatePartner, verifyTechCompany } from './writes.ts'

const TYPENAME = {
  GOVERNMENT: 'GovernmentAgency',
  TECH_COMPANY: 'TechCompany',
  CIVIL_SOCIETY: 'CivilSocietyOrganisation',
  UN_AGENCY: 'UnAgency',
} as const

const withTypename = (row: PartnerRow | null) => (row ? { ...row, __typename: TYPENAME[row.kind] } : null)

/** A retired partner is absent from every answer to anyone but the Secretariat. */
const visibleOrNull = (row: PartnerRow | null, ctx: Context) => withTypename(row && isVisible(ctx.identity, row) ? row : null)

const resolveReference = async ({ id }: { id: string }, ctx: Context) => visibleOrNull(await ctx.loaders.partner.load(id), ctx)

const partnerFields = {
  name: (p: PartnerRow, { lang }: { lang?: string }) => pickText(p.names, lang),
  description: (p: PartnerRow, { lang }: { lang?: string }) => pickText(p.descriptions, lang),
  countries: (p: PartnerRow) => p.countries.map((code) => ({ code })),
  headquarters: (p: PartnerRow) => (p.headquarters ? { code: p.headquarters } : null),
  focusAreas: (p: PartnerRow) => p.focus_areas.map((code) => ({ code })),
  verification: (p: PartnerRow) => ({ verified: p.verified, verifiedAt: p.verified_at, verifiedBy: p.verified_by, source: p.source }),
  updatedAt: (p: PartnerRow) => p.updated_at,
  changes: async (p: PartnerRow, _: unknown, ctx: Context) => {
    requireAuditor(ctx.identity, p)
    return (await ctx.loaders.changes.load(p.id)).map(revisionView)
  },
}

const implementation = { __resolveReference: resolveReference, ...partnerFields }

type FilterInput = Omit<PartnerFilter, 'status'> & { status?: PartnerStatus[] | null }

function validFilter(filter: FilterInput | null | undefined, ctx: Context): PartnerFilter {
  const staff = isStaff(ctx.identity)
  // The Secretariat sees retired partners too (marked by status); nobody else ever does.
  const asked = filter?.status?.length ? filter.status : staff ? (['ACTIVE', 'RETIRED'] as const) : (['ACTIVE'] as const)
  const status = asked.filter((s) => staff || s === 'ACTIVE')
  if (!filter) return { status }
  return {
    ...filter,
    status,
    country: filter.country == null ? null : requireCountry(filter.country, 'filter.country'),
    text: filter.text?.trim() || null,
  }
}

interface WriteArgs {
  id: string
  expectedVersion: number
}

export const resolvers = {
  ...scalars,
  Query: {
    partner: async (_: unknown, { id }: { id: string }, ctx: Context) => visibleOrNull(await ctx.loaders.partner.load(requireId(id)), ctx),
    partners: async (_: unknown, args: { filter?: FilterInput; first?: number; after?: string }, ctx: Context) => {
      const filter = validFilter(args.filter, ctx)
      const limit = pageSize(args.first)
      const [rows, total] = await Promise.all([ctx.repo.search(filter, limit, decodeCursor(args.after)), ctx.repo.count(filter)])
      for (const row of rows) ctx.loaders.partner.prime(row.id, row)
      return connection(rows.map(withTypename), limit, (r) => ({ key: r!.sort_name, id: r!.id }), total)
    },
    partnerCountsByCountry: (_: unknown, __: unknown, ctx: Context) => {
      if (!isStaff(ctx.identity)) throw forbidden('Reports are for the ASEAN Secretariat and admins.')
      return ctx.repo.countsByCountry()
    },
  },
  Mutation: {
    registerPartner: async (_: unknown, { input }: { input: PartnerInput }, ctx: Context) => withTypename(await registerPartner(ctx, input)),
    updatePartner: async (_: unknown, args: WriteArgs & { input: PartnerInput }, ctx: Context) =>
      withTypename(await updatePartner(ctx, args.id, args.expectedVersion, args.input)),
    retirePartner: async (_: unknown, args: WriteArgs, ctx: Context) => withTypename(await retirePartner(ctx, args.id, args.expectedVersion)),
    verifyTechCompany: async (_: unknown, args: WriteArgs & { verified: boolean; source?: string | null }, ctx: Context) =>
      withTypename(await verifyTechCompany(ctx, args.id, args.expectedVersion, args.verified, args.source)),
  },
  Partner: {
    __resolveReference: resolveReference,
    __resolveType: (p: PartnerRow) => TYPENAME[p.kind],
  },
  GovernmentAgency: implementation,
  TechCompany: implementation,
  CivilSocietyOrganisation: implementation,
  UnAgency: implementation,
  Country: {
    __resolveReference: ({ code }: { code: string }) => ({ code }),
    partners: async ({ code }: { code: string }, { kind }: { kind?: string }, ctx: Context) => {
      const rows = await ctx.loaders.partnersByCountry.load(code)
      return rows.filter((r) => !kind || r.kind === kind).map(withTypename)
    },
  },
}
