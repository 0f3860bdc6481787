// Hotlines (reporting hotlines, helplines, law-enforcement portals, welfare and emergency lines)
// and programs to HSDS services. Everything HSDS has a field for goes there; the rest goes into
// the profile's fields (schema/hsds-profile/), never into free text that a program would have to
// parse. Field-level change logs and who made a change are not public, so `metadata` gives
// record-level entries: the last change (create or update, from updatedAt) and, for a checked
// hotline, the check.
import { channelParts, type HsdsContact, type HsdsPhone } from './channels.ts'
import type { CountryRef, Hotline, Program, Text } from './graphql.ts'
import { hsdsId } from './ids.ts'
import { languages } from './languages.ts'
import { schedules } from './schedules.ts'
import { attributes, MNR_BY_HOTLINE_KIND, type TaxonomyKey, type Terms } from './taxonomies.ts'

export const UPDATED_BY = 'ASEAN partner-network directory'

const HOTLINE_STATUS: Record<string, string> = { ACTIVE: 'active', SUSPENDED: 'temporarily closed', RETIRED: 'defunct' }
const PROGRAM_STATUS: Record<string, string> = { ACTIVE: 'active', PLANNED: 'inactive', ENDED: 'defunct', ARCHIVED: 'defunct' }

export type HsdsService = Record<string, unknown> & { id: string; name: string; status: string; last_modified: string }

const serviceAreas = (serviceId: string, countries: readonly CountryRef[]) =>
  countries.map((c) => ({ id: hsdsId('service_area', serviceId, c.code), service_id: serviceId, name: c.name ?? c.code, country_code: c.code }))

const translations = (texts: readonly Text[]) => texts.map(({ lang, value }) => ({ lang, value }))

const date = (instant: string | null | undefined) => instant?.slice(0, 10) ?? undefined

function metadata(resourceId: string, resourceType: string, at: string, action: string, field = '', value = '') {
  return [
    {
      id: hsdsId('metadata', resourceId, action, at),
      resource_id: resourceId,
      resource_type: resourceType,
      last_action_date: at,
      last_action_type: action,
      field_name: field,
      previous_value: '',
      replacement_value: value,
      updated_by: UPDATED_BY,
    },
  ]
}

/** Drops undefined values so optional HSDS fields are absent rather than null. */
const defined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

export function hotlineService(h: Hotline, terms: Terms, at = new Date()): HsdsService {
  const id = hsdsId('hotline', h.id)
  const parts = channelParts(h.channels, id)
  // The service or any of its public channels: whichever changed last.
  const lastModified = [h.updatedAt, ...h.channels.map((c) => c.updatedAt)].sort().at(-1)!
  const codes: [TaxonomyKey, string][] = h.harmTypes.map((t) => ['harm-types', t.code])
  if (MNR_BY_HOTLINE_KIND[h.kind]) codes.push(['mnr', MNR_BY_HOTLINE_KIND[h.kind]!])
  return defined({
    id,
    organization_id: h.operator ? hsdsId('organization', h.operator.id) : undefined,
    name: h.name,
    description: h.description ?? undefined,
    url: parts.url,
    email: parts.email,
    status: HOTLINE_STATUS[h.status] ?? 'active',
    eligibility_description: h.ages?.note ?? undefined,
    minimum_age: h.ages?.min ?? undefined,
    maximum_age: h.ages?.max ?? undefined,
    assured_date: date(h.verifiedAt),
    last_modified: lastModified,
    phones: parts.phones,
    schedules: schedules(h.schedule, id, at),
    service_areas: serviceAreas(id, [...(h.country ? [h.country] : []), ...h.servesCountries]),
    languages: languages(h.languages, { service_id: id }),
    contacts: parts.contacts,
    attributes: attributes(terms, id, 'service', codes),
    metadata: [
      ...metadata(id, 'service', h.updatedAt, h.version === 1 ? 'create' : 'update'),
      ...(h.verifiedAt ? metadata(id, 'service', h.verifiedAt, 'verified', 'assured_date', date(h.verifiedAt)) : []),
    ],
    directory_id: h.id,
    directory_type: 'hotline',
    directory_status: h.status,
    hotline_kind: h.kind,
    country_code: h.country?.code,
    verified: h.verified,
    name_translations: translations(h.names),
    description_translations: translations(h.descriptions),
    accepts_international_reports: h.acceptsInternationalReports,
    source: h.source,
    contact_channels: parts.contactChannels,
  })
}

export function programService(p: Program, terms: Terms): HsdsService {
  const id = hsdsId('program', p.id)
  const c = p.contacts
  const phones: HsdsPhone[] = c.phone
    ? [
        defined({
          id: hsdsId('phone', 'program', p.id),
          service_id: id,
          number: c.phone.number,
          type: 'voice' as const,
          languages: [],
          channel_type: c.phone.isShortCode ? 'SHORT_CODE' : 'PHONE',
          e164: c.phone.e164,
          dialable_in: c.phone.country,
          verified_at: c.verifiedAt ?? undefined,
          source: c.source ?? undefined,
          visibility: 'public' as const,
        }),
      ]
    : []
  const contacts: HsdsContact[] = c.email ? [{ id: hsdsId('contact', 'program', p.id), service_id: id, email: c.email }] : []
  const codes: [TaxonomyKey, string][] = [
    ...p.harmTypes.map((t): [TaxonomyKey, string] => ['harm-types', t.code]),
    ...p.focusAreas.map((f): [TaxonomyKey, string] => ['focus-areas', f.code]),
    ...p.audiences.map((a): [TaxonomyKey, string] => ['audiences', a]),
  ]
  return defined({
    id,
    organization_id: hsdsId('organization', p.owner.id),
    name: p.title,
    description: p.description ?? undefined,
    url: c.website ?? undefined,
    email: c.email ?? undefined,
    status: PROGRAM_STATUS[p.status] ?? 'active',
    assured_date: date(c.verifiedAt),
    last_modified: p.updatedAt,
    phones,
    schedules: [],
    service_areas: serviceAreas(id, p.countries),
    languages: [],
    contacts,
    attributes: attributes(terms, id, 'service', codes),
    metadata: metadata(id, 'service', p.updatedAt, p.version === 1 ? 'create' : 'update'),
    directory_id: p.id,
    directory_type: 'program',
    directory_status: p.status,
    name_translations: translations(p.titles),
    description_translations: translations(p.descriptions),
    starts_on: p.startsOn ?? undefined,
    ends_on: p.endsOn ?? undefined,
    source: c.source ?? undefined,
  })
}

/** What a listing shows (HSDS compiled service_list: one-to-one fields only). */
const LIST_FIELDS = [
  'id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'eligibility_description', 'minimum_age',
  'maximum_age', 'assured_date', 'last_modified', 'directory_id', 'directory_type', 'directory_status', 'hotline_kind',
  'country_code', 'verified', 'accepts_international_reports', 'starts_on', 'ends_on', 'source',
]

export const listItem = (s: HsdsService) => Object.fromEntries(LIST_FIELDS.filter((f) => s[f] !== undefined).map((f) => [f, s[f]]))
