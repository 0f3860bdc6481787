// Identities and operations shared by the civil-society tests.
import { identity } from '../../helpers/identities.ts'

export const aple = identity('civil_society', { org: 'aple-cambodia' })
export const ecpatPhilippines = identity('civil_society', { org: 'ecpat-philippines' })
export const unicef = identity('un_agency', { org: 'unicef-eapro' })
export const secretariat = identity('secretariat', { org: 'asean-secretariat' })

export const PROGRAM_FIELDS = `id version status title titles { lang value } description
  owner { __typename ... on CivilSocietyOrganisation { id } ... on UnAgency { id } }
  countries { code } focusAreas { code } harmTypes { code } audiences startsOn endsOn
  contacts { website email phone { number e164 country isShortCode } source verifiedAt } updatedAt`

export const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { ${PROGRAM_FIELDS} } }`
export const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProgramInput!) {
  updateProgram(id: $id, expectedVersion: $v, input: $input) { ${PROGRAM_FIELDS} } }`
export const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveProgram(id: $id, expectedVersion: $v) { id version status } }`
export const CHANGES = `query($id: ID!) { program(id: $id) { id changes { version actorSub actorOrg at fields { field oldValue newValue } } } }`

/** A valid program input; override what a test is about. */
export const programInput = (extra: Record<string, unknown> = {}) => ({
  titles: [{ lang: 'en', value: 'Online safety sessions for schools' }],
  descriptions: [{ lang: 'en', value: 'Sessions for pupils and teachers on reporting online abuse.' }],
  countries: ['KH'],
  focusAreas: ['rpa-2021-6'],
  harmTypes: ['grooming', 'sextortion'],
  audiences: ['CHILDREN', 'TEACHERS'],
  status: 'ACTIVE',
  startsOn: '2026-01-15',
  endsOn: '2026-12-31',
  contacts: { website: 'https://example.org/schools', email: 'schools@example.org', phone: '+855 92 311 511' },
  ...extra,
})
