import type { Policy } from './types.ts'

// Everything this subgraph holds is public: country facts, emergency numbers, laws and which
// agencies and units exist. Contacts that must stay restricted live in the hotlines subgraph.
export const policy: Policy = {
  Query: { countries: 'public', country: 'public', aseanBodies: 'public' },
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
  },
  LocalizedText: { lang: 'public', value: 'public' },
}
