import type { Policy, RuleName } from './types.ts'

const all = (rule: RuleName, ...fields: string[]) => Object.fromEntries(fields.map((f) => [f, rule])) as Record<string, RuleName>

// Public: the directory's public part. Partner-only administration lines, restricted escalation
// channels and contacts, the staff reports and the upkeep path each have their own field.
// Upkeep (writes, change logs, who confirmed, retired channels) passes the gateway for any
// partner organisation's staff (ownerOrStaff); the subgraph then refuses anyone who does not
// operate the service in question.
const hotlinesOnPartner = { id: 'public', hotlines: 'public' } as const

const contactChannel = {
  ...all(
    'public',
    'id', 'type', 'value', 'display', 'e164', 'dialableIn', 'label', 'languages', 'visibility', 'freeOfCharge',
    'verified', 'verifiedAt', 'source', 'schedule', 'scheduleInherited', 'openNow', 'stale', 'hotline', 'status', 'version', 'updatedAt',
  ),
  ...all('ownerOrStaff', 'verifiedBy', 'changes'),
}

export const policy: Policy = {
  Query: {
    hotline: 'public',
    hotlines: 'public',
    contactChannel: 'public',
    harmTypes: 'public',
    harmType: 'public',
    referralPathway: 'public',
    staleContacts: 'staff',
    contactFreshness: 'staff',
    reviewQueue: 'staff',
  },
  Mutation: all(
    'ownerOrStaff',
    'createHotline', 'updateHotline', 'retireHotline', 'confirmHotline',
    'addContactChannel', 'updateContactChannel', 'retireContactChannel', 'confirmContactChannel',
  ),
  Hotline: {
    ...all(
      'public',
      'id', 'kind', 'name', 'names', 'description', 'descriptions', 'country', 'servesCountries', 'acceptsInternationalReports',
      'operator', 'harmTypes', 'ages', 'languages', 'schedule', 'openNow', 'channels', 'verified', 'verifiedAt', 'source', 'stale',
      'status', 'version', 'updatedAt',
    ),
    partnerChannels: 'partner',
    escalationChannels: 'restricted',
    ...all('ownerOrStaff', 'retiredChannels', 'verifiedBy', 'changes'),
  },
  ContactChannel: contactChannel,
  HotlineChange: all('ownerOrStaff', 'version', 'at', 'actorSub', 'actorOrg', 'fields'),
  HotlineFieldChange: all('ownerOrStaff', 'field', 'oldValue', 'newValue'),
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
  ContactReview: all('staff', 'hotline', 'channel', 'country', 'reason', 'verifiedAt', 'waitingSince', 'daysWaiting'),
  LocalizedText: { lang: 'public', value: 'public' },
  Country: { code: 'public', hotlines: 'public' },
  GovernmentAgency: hotlinesOnPartner,
  TechCompany: hotlinesOnPartner,
  CivilSocietyOrganisation: hotlinesOnPartner,
  UnAgency: hotlinesOnPartner,
}
