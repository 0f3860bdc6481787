import type { Policy } from './types.ts'

// UN agencies' mandates and technical-assistance projects are public information; retired
// projects are hidden by the subgraph, which alone sees a row's status and agency. Writes pass
// the gateway for staff of any partner (ownerOrStaff); the subgraph then refuses anyone but the
// agency's own staff and the Secretariat. The change log is theirs alone (ownerOrStaff, checked
// in the subgraph).
const audit = 'ownerOrStaff' as const

export const policy: Policy = {
  Query: { technicalAssistanceProjects: 'public', technicalAssistanceProject: 'public' },
  Mutation: { createTechnicalAssistanceProject: audit, updateTechnicalAssistanceProject: audit, retireTechnicalAssistanceProject: audit },
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
    version: 'public',
    changes: audit,
  },
  TechnicalAssistanceProjectChange: { version: audit, at: audit, actorSub: audit, actorOrg: audit, fields: audit },
  TechnicalAssistanceProjectFieldChange: { field: audit, oldValue: audit, newValue: audit },
  Country: { code: 'public', technicalAssistanceProjects: 'public' },
  FocusArea: { code: 'public' },
  LocalizedText: { lang: 'public', value: 'public' },
}
