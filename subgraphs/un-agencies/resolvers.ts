import { revisionView } from '../common/changes.ts'
import { isCountryCode, requireCountry } from '../common/countries.ts'
import { clientError } from '../common/errors.ts'
import { requireId } from '../common/ids.ts'
import { pickText } from '../common/i18n.ts'
import { scalars } from '../common/scalars.ts'
import { isVisible, requireAuditor } from './access.ts'
import type { Context } from './context.ts'
import { FOCUS_AREA_CODES, type ProjectInput } from './input.ts'
import type { AgencyRow, ProjectRow } from './repository.ts'
import { createProject, retireProject, updateProject } from './writes.ts'

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

interface WriteArgs {
  id: string
  expectedVersion: number
}

export const resolvers = {
  ...scalars,
  Query: {
    technicalAssistanceProjects: (_: unknown, args: ProjectsArgs, ctx: Context) =>
      ctx.repo.projects(
        { country: args.country == null ? null : requireCountry(args.country, 'country'), focusArea: requireFocusArea(args.focusArea) },
        ctx.viewer,
      ),
    technicalAssistanceProject: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const row = await ctx.loaders.project.load(requireId(id))
      return row && isVisible(ctx.identity, row) ? row : null
    },
  },
  Mutation: {
    createTechnicalAssistanceProject: (_: unknown, { input }: { input: ProjectInput }, ctx: Context) => createProject(ctx, input),
    updateTechnicalAssistanceProject: (_: unknown, args: WriteArgs & { input: ProjectInput }, ctx: Context) =>
      updateProject(ctx, args.id, args.expectedVersion, args.input),
    retireTechnicalAssistanceProject: (_: unknown, args: WriteArgs, ctx: Context) => retireProject(ctx, args.id, args.expectedVersion),
  },
  UnAgency: {
    // An agency registered after the seed has no record here until its first project: empty
    // details, never null (null would void every list the agency is in).
    __resolveReference: async ({ id }: { id: string }, ctx: Context): Promise<AgencyRow> =>
      (await ctx.loaders.agency.load(id)) ?? { id, parent_organisation: null, mandates: [], mandate_source: null },
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
    changes: async (p: ProjectRow, _: unknown, ctx: Context) => {
      requireAuditor(ctx.identity, p)
      return (await ctx.loaders.changes.load(p.id)).map(revisionView)
    },
  },
  Country: {
    __resolveReference: ({ code }: { code: string }) => (isCountryCode(code) ? { code } : null),
    technicalAssistanceProjects: ({ code }: { code: string }, _: unknown, ctx: Context) => ctx.loaders.projectsByCountry.load(code),
  },
}
