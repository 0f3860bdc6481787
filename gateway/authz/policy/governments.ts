import type { Policy } from './types.ts'

// Everything this subgraph holds is public reading: country facts, emergency numbers, laws and
// which agencies and units exist (retired agencies are hidden by the subgraph, which alone sees
// the row). Contacts that must stay restricted live in the hotlines subgraph. An agency's own
// staff and the Secretariat keep its mandate current (ownerOrStaff here, ownership checked in
// the subgraph); retiring an agency is the Secretariat's. The change log is the agency's and the
// Secretariat's.
export const policy: Policy = {
  Query: { countries: 'public', country: 'public', aseanBodies: 'public' },
  Mutation: { updateAgencyMandate: 'ownerOrStaff', retireGovernmentAgency: 'staff', recordGovernmentAgency: 'staff' },
  Country: {
    code: 'public',
    alpha3: 'public',
    numericCode: 'public',
    name: 'public',
    names: 'public',
    callingCode: 'public',
    trunkPrefix: 'public',
    timeZones: 'public',
    officialLanguages: 'public',
    aseanMembership: 'public',
    aseanMember: 'public',
    emergencyNumbers: 'public',
    laws: 'public',
    specialisedUnits: 'public',
    agencies: 'public',
    source: 'public',
  },
  AseanMembership: { joinedOn: 'public' },
  EmergencyNumber: { number: 'public', service: 'public', source: 'public' },
  NationalLaw: {
    id: 'public',
    title: 'public',
    year: 'public',
    summary: 'public',
    summaries: 'public',
    inForce: 'public',
    repealedBy: 'public',
    source: 'public',
  },
  GovernmentAgency: {
    id: 'public',
    agencyType: 'public',
    mandate: 'public',
    mandates: 'public',
    mandateSource: 'public',
    parentBody: 'public',
    jurisdiction: 'public',
    detailsVersion: 'public',
    retiredAt: 'public',
    detailsChanges: 'ownerOrStaff',
  },
  GovernmentAgencyChange: { version: 'ownerOrStaff', at: 'ownerOrStaff', actorSub: 'ownerOrStaff', actorOrg: 'ownerOrStaff', fields: 'ownerOrStaff' },
  GovernmentAgencyFieldChange: { field: 'ownerOrStaff', oldValue: 'ownerOrStaff', newValue: 'ownerOrStaff' },
  LocalizedText: { lang: 'public', value: 'public' },
}
