import { isCountryCode, requireCountry } from '../common/countries.ts'
import { clientError } from '../common/errors.ts'
import { pickText } from '../common/i18n.ts'
import { scalars } from '../common/scalars.ts'
import type { Context } from './context.ts'
import type { AgencyRow, ProjectRow } from './repository.ts'

/** The focus areas of the 2021-2025 Regional Plan of Action (owned by the commitments subgraph). */
export const FOCUS_AREA_CODES = [1, 2, 3, 4, 5, 6, 7].map((n) => `rpa-2021-${n}`)

function requireFocusArea(code: string | null | undefined): string | null {
  if (code == null) return null
  if (!FOCUS_AREA_CODES.includes(code)) {
    throw clientError('BAD_USER_INPUT', `"${code.slice(0, 40)}" is not a focus-area code. Allowed: ${FOCUS_AREA_CODES.join(', ')}.`, {
      argument: 'focusArea',
      allowed: FOCUS_AREA_CODES,
    })
  }
  return code
}

interface ProjectsArgs {
  country?: string | null
  focusArea?: string | null
}

export const resolvers = {
  ...scalars,
  Query: {
    technicalAssistanceProjects: (_: unknown, args: ProjectsArgs, ctx: Context) =>
      ctx.repo.projects({
        country: args.country == null ? null : requireCountry(args.country, 'country'),
        focusArea: requireFocusArea(args.focusArea),
      }),
  },
  UnAgency: {
    __resolveReference: ({ id }: { id: string }, ctx: Context) => ctx.loaders.agency.load(id),
    mandate: (a: AgencyRow, { lang }: { lang?: string }) => pickText(a.mandates, lang),
    mandateSource: (a: AgencyRow) => a.mandate_source,
    parentOrganisation: (a: AgencyRow) => a.parent_organisation,
    technicalAssistanceProjects: (a: AgencyRow, _: unknown, ctx: Context) => ctx.loaders.projectsByAgency.load(a.id),
  },
  TechnicalAssistanceProject: {
    title: (p: ProjectRow, { lang }: { lang?: string }) => pickText(p.titles, lang),
    summary: (p: ProjectRow, { lang }: { lang?: string }) => pickText(p.summaries, lang),
    agency: (p: ProjectRow, _: unknown, ctx: Context) => ctx.loaders.agency.load(p.agency_id),
    countries: (p: ProjectRow) => p.countries.map((code) => ({ code })),
    focusAreas: (p: ProjectRow) => p.focus_areas.map((code) => ({ code })),
    startedOn: (p: ProjectRow) => p.started_on,
    endedOn: (p: ProjectRow) => p.ended_on,
  },
  Country: {
    __resolveReference: ({ code }: { code: string }) => (isCountryCode(code) ? { code } : null),
    technicalAssistanceProjects: ({ code }: { code: string }, _: unknown, ctx: Context) => ctx.loaders.projectsByCountry.load(code),
  },
}
