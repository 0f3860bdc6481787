// What the directory already holds, read through the gateway with the importer's token: partners
// and programs to match HSDS records against (so importing the same file twice changes nothing),
// the harm-type and focus-area codes it knows, and which write mutations the gateway offers.
// Hotlines are read with their public channels only: an import writes public data.
import { hsdsId } from '../../gateway/hsds/ids.ts'
import { AUDIENCE_CODES, termId, type TaxonomyKey } from '../../gateway/hsds/taxonomies.ts'
import type { Client } from './client.ts'

export interface Text {
  lang: string
  value: string
}

export interface ExistingPartner {
  id: string
  kind: string
  version: number
  names: Text[]
  description: string | null
  website: string | null
  scope: string
  countries: { code: string }[]
  headquarters: { code: string } | null
  focusAreas: { code: string }[]
}

export interface ExistingProgram {
  id: string
  version: number
  owner: { id: string }
  titles: Text[]
  descriptions: Text[]
  countries: { code: string }[]
  focusAreas: { code: string }[]
  harmTypes: { code: string }[]
  audiences: string[]
  status: string
  startsOn: string | null
  endsOn: string | null
  contacts: { website: string | null; email: string | null; phone: { number: string; e164: string | null; country: string | null } | null; source: string | null }
}

export interface Hours {
  timeZone: string
  alwaysOpen: boolean
  intervals: { day: string; opens: string; closes: string }[]
  note: string | null
}

export interface ExistingChannel {
  id: string
  version: number
  type: string
  value: string
  dialableIn: { code: string } | null
  label: string | null
  languages: string[]
  freeOfCharge: boolean | null
  schedule: Hours | null
  scheduleInherited: boolean
  source: string
}

export interface ExistingHotline {
  id: string
  version: number
  kind: string
  names: Text[]
  descriptions: Text[]
  country: { code: string } | null
  servesCountries: { code: string }[]
  acceptsInternationalReports: boolean
  operator: { id: string } | null
  harmTypes: { code: string }[]
  ages: { min: number | null; max: number | null; note: string | null } | null
  languages: string[]
  schedule: Hours | null
  source: string
  status: string
  channels: ExistingChannel[]
}

export interface Directory {
  partners: Map<string, ExistingPartner>
  programs: ExistingProgram[]
  hotlines: ExistingHotline[]
  /** HSDS term id -> the directory's taxonomy and code. */
  terms: Map<string, { key: TaxonomyKey; code: string }>
  /** Mutation names the gateway offers; null when it does not say (introspection off). */
  mutations: Set<string> | null
}

const PARTNERS = `query ($after: String) { partners(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
  nodes { id kind version names { lang value } description website scope countries { code } headquarters { code } focusAreas { code } } } }`
const PROGRAMS = `query ($after: String) { programs(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
  nodes { id version owner { ... on CivilSocietyOrganisation { id } ... on UnAgency { id } } titles { lang value } descriptions { lang value }
    countries { code } focusAreas { code } harmTypes { code } audiences status startsOn endsOn
    contacts { website email phone { number e164 country } source } } } }`
const REFERENCE = '{ harmTypes { code } focusAreas { code } }'
const HOURS = 'timeZone alwaysOpen intervals { day opens closes } note'
const HOTLINES = `query ($status: HotlineStatus) { hotlines(status: $status) { id version kind names { lang value } descriptions { lang value }
  country { code } servesCountries { code } acceptsInternationalReports operator { id } harmTypes { code } ages { min max note }
  languages schedule { ${HOURS} } source status
  channels { id version type value dialableIn { code } label languages freeOfCharge schedule { ${HOURS} } scheduleInherited source } } }`

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: T[]
}

async function all<T>(client: Client, query: string, field: string): Promise<T[]> {
  const out: T[] = []
  for (let after: string | null = null; ; ) {
    const page: Page<T> = (await client<Record<string, Page<T>>>(query, { after }))[field]!
    out.push(...page.nodes)
    if (!page.pageInfo.hasNextPage) return out
    after = page.pageInfo.endCursor
  }
}

async function mutationNames(client: Client): Promise<Set<string> | null> {
  try {
    const data = await client<{ __type: { fields: { name: string }[] } | null }>('{ __type(name: "Mutation") { fields { name } } }')
    return data.__type ? new Set(data.__type.fields.map((f) => f.name)) : new Set()
  } catch {
    return null
  }
}

export async function loadDirectory(client: Client): Promise<Directory> {
  const hotlinesIn = async (status: string) => (await client<{ hotlines: ExistingHotline[] }>(HOTLINES, { status })).hotlines
  const [partners, programs, active, suspended, reference, mutations] = await Promise.all([
    all<ExistingPartner>(client, PARTNERS, 'partners'),
    all<ExistingProgram>(client, PROGRAMS, 'programs'),
    hotlinesIn('ACTIVE'),
    hotlinesIn('SUSPENDED'),
    client<{ harmTypes: { code: string }[]; focusAreas: { code: string }[] }>(REFERENCE),
    mutationNames(client),
  ])
  const terms = new Map<string, { key: TaxonomyKey; code: string }>()
  const add = (key: TaxonomyKey, code: string) => terms.set(termId(key, code), { key, code })
  reference.harmTypes.forEach((h) => add('harm-types', h.code))
  reference.focusAreas.forEach((f) => add('focus-areas', f.code))
  AUDIENCE_CODES.forEach((a) => add('audiences', a))
  return { partners: new Map(partners.map((p) => [p.id, p])), programs, hotlines: [...active, ...suspended], terms, mutations }
}

/** The partner an HSDS organization id stands for, when it is one this directory derived. */
export function partnerByHsdsId(dir: Directory, uuid: string): ExistingPartner | undefined {
  for (const p of dir.partners.values()) if (hsdsId('organization', p.id) === uuid.toLowerCase()) return p
  return undefined
}
