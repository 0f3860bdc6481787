import { requireCountry } from '../common/countries.ts'
import { forbidden } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { pickText } from '../common/i18n.ts'
import { connection, decodeCursor, pageSize } from '../common/pagination.ts'
import { scalars } from '../common/scalars.ts'
import type { Context } from './context.ts'
import type { PartnerFilter, PartnerRow } from './repository.ts'

const TYPENAME = {
  GOVERNMENT: 'GovernmentAgency',
  TECH_COMPANY: 'TechCompany',
  CIVIL_SOCIETY: 'CivilSocietyOrganisation',
  UN_AGENCY: 'UnAgency',
} as const

const withTypename = (row: PartnerRow | null) => (row ? { ...row, __typename: TYPENAME[row.kind] } : null)

const resolveReference = async ({ id }: { id: string }, ctx: Context) => withTypename(await ctx.loaders.partner.load(id))

const partnerFields = {
  name: (p: PartnerRow, { lang }: { lang?: string }) => pickText(p.names, lang),
  description: (p: PartnerRow, { lang }: { lang?: string }) => pickText(p.descriptions, lang),
  countries: (p: PartnerRow) => p.countries.map((code) => ({ code })),
  headquarters: (p: PartnerRow) => (p.headquarters ? { code: p.headquarters } : null),
  focusAreas: (p: PartnerRow) => p.focus_areas.map((code) => ({ code })),
  verification: (p: PartnerRow) => ({ verified: p.verified, verifiedAt: p.verified_at, source: p.source }),
  updatedAt: (p: PartnerRow) => p.updated_at,
}

const implementation = { __resolveReference: resolveReference, ...partnerFields }

function validFilter(filter: PartnerFilter | null | undefined): PartnerFilter {
  if (!filter) return {}
  return {
    ...filter,
    country: filter.country == null ? null : requireCountry(filter.country, 'filter.country'),
    text: filter.text?.trim() || null,
  }
}

export const resolvers = {
  ...scalars,
  Query: {
    partner: async (_: unknown, { id }: { id: string }, ctx: Context) => withTypename(await ctx.loaders.partner.load(requireId(id))),
    partners: async (_: unknown, args: { filter?: PartnerFilter; first?: number; after?: string }, ctx: Context) => {
      const filter = validFilter(args.filter)
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
