// The registry is public reading; retired partners are hidden by the subgraph, which alone sees
// a row's status. Registering, retiring and verifying are the Secretariat's (staff). Profile
// updates pass the gateway for staff of any partner (ownerOrStaff); the subgraph then refuses
// anyone who does not work for that partner, and keeps kind, countries, scope, focus areas and
// source for the Secretariat. The change log is for the partner itself and the Secretariat
// (ownerOrStaff here, ownership checked in the subgraph).
import type { Policy, RuleName } from './types.ts'

const partnerFields = (rule: RuleName) => ({
  id: rule,
  kind: rule,
  name: rule,
  names: rule,
  description: rule,
  scope: rule,
  countries: rule,
  headquarters: rule,
  website: rule,
  focusAreas: rule,
  verification: rule,
  status: rule,
  updatedAt: rule,
  version: rule,
  changes: 'ownerOrStaff' as const,
})

const audited = (rule: RuleName) => ({ version: rule, at: rule, actorSub: rule, actorOrg: rule, fields: rule })

export const policy: Policy = {
  Query: { partner: 'public', partners: 'public', partnerCountsByCountry: 'staff' },
  Mutation: { registerPartner: 'staff', updatePartner: 'ownerOrStaff', retirePartner: 'staff', verifyTechCompany: 'staff' },
  GovernmentAgency: partnerFields('public'),
  TechCompany: partnerFields('public'),
  CivilSocietyOrganisation: partnerFields('public'),
  UnAgency: partnerFields('public'),
  PartnerChange: audited('ownerOrStaff'),
  PartnerFieldChange: { field: 'ownerOrStaff', oldValue: 'ownerOrStaff', newValue: 'ownerOrStaff' },
  Country: { code: 'public', partners: 'public' },
  FocusArea: { code: 'public' },
  LocalizedText: { lang: 'public', value: 'public' },
  PageInfo: { hasNextPage: 'public', endCursor: 'public' },
  Verification: { verified: 'public', verifiedAt: 'public', verifiedBy: 'public', source: 'public' },
  PartnerConnection: { nodes: 'public', totalCount: 'public', pageInfo: 'public' },
  PartnerCountryCountRow: { country: 'staff', government: 'staff', techCompany: 'staff', civilSociety: 'staff', unAgency: 'staff', total: 'staff' },
}
