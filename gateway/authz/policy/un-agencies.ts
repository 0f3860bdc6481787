import type { Policy } from './types.ts'

// UN agencies' mandates and technical-assistance projects are public information.
export const policy: Policy = {
  Query: { technicalAssistanceProjects: 'public' },
  UnAgency: {
    id: 'public',
    mandate: 'public',
    mandates: 'public',
    mandateSource: 'public',
    parentOrganisation: 'public',
    technicalAssistanceProjects: 'public',
  },
  TechnicalAssistanceProject: {
    id: 'public',
    title: 'public',
    titles: 'public',
    summary: 'public',
    summaries: 'public',
    agency: 'public',
    countries: 'public',
    focusAreas: 'public',
    startedOn: 'public',
    endedOn: 'public',
    status: 'public',
    source: 'public',
  },
  Country: { code: 'public', technicalAssistanceProjects: 'public' },
  FocusArea: { code: 'public' },
  LocalizedText: { lang: 'public', value: 'public' },
}
