import type { Policy, RuleName } from './types.ts'

const all = (rule: RuleName, ...fields: string[]) => Object.fromEntries(fields.map((f) => [f, rule])) as Record<string, RuleName>

// Public: the directory's public part. Partner-only administration lines, restricted escalation
// channels and contacts, the stale-contact report and channel upkeep each have their own field.
const hotlinesOnPartner = { id: 'public', hotlines: 'public' } as const

const contactChannel = all(
  'public',
  'id', 'type', 'value', 'display', 'e164', 'dialableIn', 'label', 'languages', 'visibility', 'freeOfCharge',
  'verified', 'verifiedAt', 'source', 'schedule', 'scheduleInherited', 'openNow', 'stale', 'hotline',
)

export const policy: Policy = {
  Query: {
    hotline: 'public',
    hotlines: 'public',
    harmTypes: 'public',
    harmType: 'public',
    referralPathway: 'public',
    staleContacts: 'staff',
    contactFreshness: 'staff',
  },
  Mutation: { addContactChannel: 'staff', confirmContactChannel: 'staff' },
  Hotline: {
    ...all(
      'public',
      'id', 'kind', 'name', 'names', 'description', 'descriptions', 'country', 'servesCountries', 'acceptsInternationalReports',
      'operator', 'harmTypes', 'ages', 'languages', 'schedule', 'openNow', 'channels', 'verifiedAt', 'source', 'stale', 'status',
    ),
    partnerChannels: 'partner',
    escalationChannels: 'restricted',
  },
  ContactChannel: contactChannel,
  OpeningHours: all('public', 'timeZone', 'alwaysOpen', 'intervals', 'note'),
  OpeningInterval: all('public', 'day', 'opens', 'closes'),
  AgeRange: all('public', 'min', 'max', 'note'),
  HarmType: all('public', 'code', 'label', 'labels', 'description', 'nationalTerms', 'crosswalk', 'sources'),
  HarmNationalTerm: all('public', 'country', 'term', 'meaning', 'law'),
  HarmCrosswalk: all('public', 'scheme', 'term', 'note'),
  ReferralPathway: all('public', 'country', 'harmType', 'audience', 'language', 'priority', 'steps', 'missingSteps', 'generatedAt'),
  ReferralStep: {
    ...all('public', 'order', 'kind', 'hotline', 'operator', 'reason', 'alternatives', 'contact'),
    escalationContact: 'restricted',
  },
  StaleContact: all('staff', 'channel', 'hotline', 'country', 'verifiedAt', 'daysSinceVerified'),
  ContactFreshnessRow: all('staff', 'country', 'channels', 'verified', 'unverified', 'stale', 'oldestVerifiedAt'),
  LocalizedText: { lang: 'public', value: 'public' },
  Country: { code: 'public', hotlines: 'public' },
  GovernmentAgency: hotlinesOnPartner,
  TechCompany: hotlinesOnPartner,
  CivilSocietyOrganisation: hotlinesOnPartner,
  UnAgency: hotlinesOnPartner,
}
