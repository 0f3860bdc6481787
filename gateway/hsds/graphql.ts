// The GraphQL the HSDS export asks, always as the public role: the export goes through the
// gateway's own authorisation, so it can only ever contain what an anonymous GraphQL client may
// read. Hotlines are asked for `channels` (public channels) only, never partner or escalation
// channels, and programs never for their change log.
import type { FastifyInstance } from 'fastify'
import { PUBLIC } from '../../subgraphs/common/identity.ts'

export interface Text {
  lang: string
  value: string
}
export interface CountryRef {
  code: string
  name?: string
}
export interface OpeningHours {
  timeZone: string
  alwaysOpen: boolean
  intervals: { day: string; opens: string; closes: string }[]
  note?: string | null
}
export interface Channel {
  id: string
  type: string
  value: string
  display: string
  e164: string | null
  dialableIn: CountryRef | null
  label: string | null
  languages: string[]
  visibility: string
  freeOfCharge: boolean | null
  verified: boolean
  /** Null when not checked since its type, value or hours last changed. */
  verifiedAt: string | null
  source: string
  schedule: OpeningHours | null
  scheduleInherited: boolean
  updatedAt: string
}
export interface Hotline {
  id: string
  kind: string
  name: string
  names: Text[]
  description: string | null
  descriptions: Text[]
  country: CountryRef | null
  servesCountries: CountryRef[]
  acceptsInternationalReports: boolean
  operator: { id: string } | null
  harmTypes: { code: string }[]
  ages: { min: number | null; max: number | null; note: string | null } | null
  languages: string[]
  schedule: OpeningHours | null
  channels: Channel[]
  verified: boolean
  /** Null when its hours changed after the last check. */
  verifiedAt: string | null
  source: string
  status: string
  version: number
  updatedAt: string
}
export interface Program {
  id: string
  title: string
  titles: Text[]
  description: string | null
  descriptions: Text[]
  owner: { __typename: string; id: string }
  countries: CountryRef[]
  focusAreas: { code: string }[]
  harmTypes: { code: string }[]
  audiences: string[]
  status: string
  startsOn: string | null
  endsOn: string | null
  contacts: {
    website: string | null
    email: string | null
    phone: { number: string; e164: string | null; country: string | null; isShortCode: boolean } | null
    source: string | null
    verifiedAt: string | null
  }
  version: number
  createdAt: string
  updatedAt: string
}
export interface Partner {
  __typename: string
  id: string
  kind: string
  name: string
  names: Text[]
  description: string | null
  scope: string
  countries: CountryRef[]
  headquarters: CountryRef | null
  website: string | null
  focusAreas: { code: string }[]
  verification: { verified: boolean; verifiedAt: string | null; source: string | null }
  status: string
  updatedAt: string
}
export interface Connection<T> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: T[]
}

const HOURS = 'timeZone alwaysOpen intervals { day opens closes } note'
export const HOTLINE_FIELDS = `id kind name names { lang value } description descriptions { lang value }
  country { code name } servesCountries { code name } acceptsInternationalReports operator { id }
  harmTypes { code } ages { min max note } languages schedule { ${HOURS} }
  channels { id type value display e164 dialableIn { code } label languages visibility freeOfCharge
    verified verifiedAt source schedule { ${HOURS} } scheduleInherited updatedAt }
  verified verifiedAt source status version updatedAt`
export const PROGRAM_FIELDS = `id title titles { lang value } description descriptions { lang value }
  owner { __typename ... on CivilSocietyOrganisation { id } ... on UnAgency { id } }
  countries { code name } focusAreas { code } harmTypes { code } audiences status startsOn endsOn
  contacts { website email phone { number e164 country isShortCode } source verifiedAt }
  version createdAt updatedAt`
export const PARTNER_FIELDS = `__typename id kind name names { lang value } description scope countries { code name }
  headquarters { code } website focusAreas { code } verification { verified verifiedAt source } status updatedAt`

/** The directory refused the request (400) or could not be read (502, a subgraph down). */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 502 = 502,
  ) {
    super(message)
  }
}

export type Run = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>

/** GraphQL as the public role, through the gateway's authorisation; errors become SourceError. */
export function publicGraphQL(app: FastifyInstance, requestId?: string): Run {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const result = await app.executeGraphQL(PUBLIC, { query, variables }, requestId)
    const refused = result.errors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT')
    if (refused) throw new SourceError(refused.message, 400)
    if (result.errors?.length || !result.data) {
      app.log.warn({ errors: result.errors, requestId }, 'HSDS export: the directory query failed')
      throw new SourceError('The directory could not be read; try again later.')
    }
    return result.data as T
  }
}
