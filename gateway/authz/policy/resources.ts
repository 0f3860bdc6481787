// The resource library is public reading for children, parents and teachers. Unpublished
// resources are hidden by the subgraph (only staff may ask for them through filter.status),
// because the gateway cannot see a row's status before the plan runs.
import type { Policy } from './types.ts'

export const policy: Policy = {
  Query: { resource: 'public', resources: 'public' },
  Resource: {
    id: 'public',
    kind: 'public',
    title: 'public',
    titles: 'public',
    summary: 'public',
    summaries: 'public',
    url: 'public',
    languages: 'public',
    audiences: 'public',
    focusAreas: 'public',
    harmTypes: 'public',
    countries: 'public',
    publisher: 'public',
    copublishers: 'public',
    publishedOn: 'public',
    publishedYear: 'public',
    status: 'public',
    source: 'public',
    version: 'public',
    updatedAt: 'public',
  },
  ResourceConnection: { nodes: 'public', totalCount: 'public', pageInfo: 'public' },
  // Partner is an @interfaceObject here: the field it adds is listed on every implementation.
  GovernmentAgency: { resources: 'public' },
  TechCompany: { resources: 'public' },
  CivilSocietyOrganisation: { resources: 'public' },
  UnAgency: { resources: 'public' },
  Country: { code: 'public', resources: 'public' },
  FocusArea: { code: 'public' },
  HarmType: { code: 'public' },
  LocalizedText: { lang: 'public', value: 'public' },
  PageInfo: { hasNextPage: 'public', endCursor: 'public' },
}
