// The resource library is public reading for children, parents and teachers. Retired resources
// are hidden by the subgraph (only staff may list them through filter.status; the lead publisher
// reads its own by id), because the gateway cannot see a row's status before the plan runs.
// Writes pass the gateway for any partner organisation's staff (ownerOrStaff); the subgraph then
// refuses anyone who is not the lead publisher. Change logs and who confirmed: the same.
import type { Policy } from './types.ts'

const all = (rule: 'ownerOrStaff' | 'staff', ...fields: string[]) => Object.fromEntries(fields.map((f) => [f, rule]))

export const policy: Policy = {
  Query: { resource: 'public', resources: 'public', resourceReviewQueue: 'staff' },
  Mutation: all('ownerOrStaff', 'createResource', 'updateResource', 'retireResource', 'confirmResource'),
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
    verified: 'public',
    verifiedAt: 'public',
    stale: 'public',
    verifiedBy: 'ownerOrStaff',
    changes: 'ownerOrStaff',
  },
  ResourceChange: all('ownerOrStaff', 'version', 'at', 'actorSub', 'actorOrg', 'fields'),
  ResourceFieldChange: all('ownerOrStaff', 'field', 'oldValue', 'newValue'),
  ResourceReview: all('staff', 'resource', 'reason', 'verifiedAt', 'waitingSince', 'daysWaiting'),
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
