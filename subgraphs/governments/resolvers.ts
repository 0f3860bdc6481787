import { revisionView } from '../common/changes.ts'
import { requireCountry } from '../common/countries.ts'
import { clientError } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { pickText } from '../common/i18n.ts'
import { scalars } from '../common/scalars.ts'
import { isVisible, requireAuditor } from './access.ts'
import type { Context } from './context.ts'
import type { MandateInput, RecordInput } from './input.ts'
import type { AgencyRow, CountryRow, LawRow } from './repository.ts'
import { recordGovernmentAgency, retireGovernmentAgency, updateAgencyMandate } from './writes.ts'

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

/** A retired agency is absent from every answer to anyone but the Secretariat. */
const visibleAgency = async (id: string, ctx: Context) => {
  const row = await ctx.loaders.agency.load(id)
  return row && isVisible(ctx.identity, row) ? row : null
}

/**
 * A government partner whose details are not recorded here (registered a moment ago), or are
 * withheld (retired): its id and empty details, never null, so that the partner's own record and
 * every list it is in still answer.
 */
type AgencyView = Omit<AgencyRow, 'agency_type'> & { agency_type: AgencyRow['agency_type'] | null }
const withoutDetails = (id: string): AgencyView => ({
  id,
  agency_type: null,
  mandates: [],
  mandate_source: null,
  parent_id: null,
  jurisdiction: null,
  specialised: false,
  version: 0,
  retired_at: null,
})

interface WriteArgs {
  id: string
  expectedVersion: number
}

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
      const rows = await ctx.repo.agenciesOfType('ASEAN_BODY', isStaff(ctx.identity))
      for (const row of rows) ctx.loaders.agency.prime(row.id, row)
      return rows
    },
  },
  Mutation: {
    updateAgencyMandate: (_: unknown, args: WriteArgs & { input: MandateInput }, ctx: Context) =>
      updateAgencyMandate(ctx, args.id, args.expectedVersion, args.input),
    retireGovernmentAgency: (_: unknown, args: WriteArgs & { retired: boolean }, ctx: Context) =>
      retireGovernmentAgency(ctx, args.id, args.expectedVersion, args.retired),
    recordGovernmentAgency: (_: unknown, args: { id: string; input: RecordInput }, ctx: Context) => recordGovernmentAgency(ctx, args.id, args.input),
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
    __resolveReference: async ({ id }: { id: string }, ctx: Context) => (await visibleAgency(id, ctx)) ?? withoutDetails(id),
    agencyType: (a: AgencyView) => a.agency_type,
    mandate: (a: AgencyRow, { lang }: { lang?: string }) => pickText(a.mandates, lang),
    mandateSource: (a: AgencyRow) => a.mandate_source,
    parentBody: (a: AgencyRow, _: unknown, ctx: Context) => (a.parent_id ? visibleAgency(a.parent_id, ctx) : null),
    jurisdiction: (a: AgencyRow, _: unknown, ctx: Context) => (a.jurisdiction ? ctx.loaders.country.load(a.jurisdiction) : null),
    detailsVersion: (a: AgencyRow) => a.version,
    retiredAt: (a: AgencyRow) => a.retired_at,
    detailsChanges: async (a: AgencyView, _: unknown, ctx: Context) => {
      requireAuditor(ctx.identity, a)
      return (await ctx.loaders.changes.load(a.id)).map(revisionView)
    },
  },
}
