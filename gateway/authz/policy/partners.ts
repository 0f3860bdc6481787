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
})

export const policy: Policy = {
  Query: { partner: 'public', partners: 'public', partnerCountsByCountry: 'staff' },
  GovernmentAgency: partnerFields('public'),
  TechCompany: partnerFields('public'),
  CivilSocietyOrganisation: partnerFields('public'),
  UnAgency: partnerFields('public'),
  Country: { code: 'public', partners: 'public' },
  FocusArea: { code: 'public' },
  LocalizedText: { lang: 'public', value: 'public' },
  PageInfo: { hasNextPage: 'public', endCursor: 'public' },
  Verification: { verified: 'public', verifiedAt: 'public', source: 'public' },
  PartnerConnection: { nodes: 'public', totalCount: 'public', pageInfo: 'public' },
  PartnerCountryCountRow: { country: 'staff', government: 'staff', techCompany: 'staff', civilSociety: 'staff', unAgency: 'staff', total: 'staff' },
}
