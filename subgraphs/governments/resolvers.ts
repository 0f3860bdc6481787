import { requireCountry } from '../common/countries.ts'
import { clientError } from '../common/errors.ts'
import { pickText } from '../common/i18n.ts'
import { scalars } from '../common/scalars.ts'
import type { Context } from './context.ts'
import type { AgencyRow, CountryRow, LawRow } from './repository.ts'

/** Today as YYYY-MM-DD in UTC: the default date for membership questions. */
const today = (ctx: Context) => ctx.now.toISOString().slice(0, 10)

// The shared Date scalar lets an impossible day through ("2024-02-30" rolls over to March), which
// would compare wrongly and fail in SQL: refuse it here as bad input.
function requireRealDate(date: string | null | undefined, argument: string): string | null {
  if (date == null) return null
  if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw clientError('BAD_USER_INPUT', `"${date}" is not a day of the calendar; give a date such as "2025-10-26".`, { argument })
  }
  return date
}

// Dates compare as YYYY-MM-DD strings: a member is counted from the day it joined.
const memberOn = (c: CountryRow, date: string) => c.asean_joined_on != null && c.asean_joined_on <= date

interface CountriesArgs {
  aseanOnly?: boolean | null
  asOf?: string | null
}

export const resolvers = {
  ...scalars,
  Query: {
    countries: async (_: unknown, args: CountriesArgs, ctx: Context) => {
      const { aseanOnly } = args
      const asOf = requireRealDate(args.asOf, 'asOf')
      if (asOf != null && aseanOnly === false) {
        throw clientError('BAD_USER_INPUT', '"asOf" dates ASEAN membership: omit it, or set "aseanOnly" to true.', { argument: 'asOf' })
      }
      const date = asOf ?? (aseanOnly ? today(ctx) : null)
      const rows = await ctx.repo.countries(date)
      for (const row of rows) ctx.loaders.country.prime(row.code, row)
      return rows
    },
    country: (_: unknown, { code }: { code: string }, ctx: Context) => ctx.loaders.country.load(requireCountry(code, 'code')),
    aseanBodies: async (_: unknown, __: unknown, ctx: Context) => {
      const rows = await ctx.repo.agenciesOfType('ASEAN_BODY')
      for (const row of rows) ctx.loaders.agency.prime(row.id, row)
      return rows
    },
  },
  Country: {
    __resolveReference: ({ code }: { code: string }, ctx: Context) => ctx.loaders.country.load(code),
    numericCode: (c: CountryRow) => c.numeric_code,
    name: (c: CountryRow, { lang }: { lang?: string }) => pickText(c.names, lang),
    callingCode: (c: CountryRow) => c.calling_code,
    trunkPrefix: (c: CountryRow) => c.trunk_prefix,
    timeZones: (c: CountryRow) => c.time_zones,
    officialLanguages: (c: CountryRow) => c.official_languages,
    aseanMembership: (c: CountryRow, _: unknown, ctx: Context) => (memberOn(c, today(ctx)) ? { joinedOn: c.asean_joined_on } : null),
    aseanMember: (c: CountryRow, { asOf }: { asOf?: string | null }, ctx: Context) => memberOn(c, requireRealDate(asOf, 'asOf') ?? today(ctx)),
    emergencyNumbers: (c: CountryRow, _: unknown, ctx: Context) => ctx.loaders.emergencyNumbers.load(c.code),
    laws: (c: CountryRow, _: unknown, ctx: Context) => ctx.loaders.laws.load(c.code),
    agencies: (c: CountryRow, _: unknown, ctx: Context) => ctx.loaders.agenciesByCountry.load(c.code),
    specialisedUnits: async (c: CountryRow, _: unknown, ctx: Context) =>
      (await ctx.loaders.agenciesByCountry.load(c.code)).filter((a) => a.specialised),
  },
  NationalLaw: {
    summary: (l: LawRow, { lang }: { lang?: string }) => pickText(l.summaries, lang),
    inForce: (l: LawRow) => l.in_force,
    repealedBy: (l: LawRow) => l.repealed_by,
  },
  GovernmentAgency: {
    __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.agency.load(id),
    agencyType: (a: AgencyRow) => a.agency_type,
    mandate: (a: AgencyRow, { lang }: { lang?: string }) => pickText(a.mandates, lang),
    mandateSource: (a: AgencyRow) => a.mandate_source,
    parentBody: (a: AgencyRow, _: unknown, ctx: Context) => (a.parent_id ? ctx.loaders.agency.load(a.parent_id) : null),
    jurisdiction: (a: AgencyRow, _: unknown, ctx: Context) => (a.jurisdiction ? ctx.loaders.country.load(a.jurisdiction) : null),
  },
}
