// Reading the directory through GraphQL in batches. Programs and partners page with cursors
// (at most 100 a call, the subgraphs' limit); hotlines come as one list (national services: tens,
// not thousands; Query.hotlines has no paging).
import { HOTLINE_FIELDS, PARTNER_FIELDS, PROGRAM_FIELDS, type Connection, type Hotline, type Partner, type Program, type Run } from './graphql.ts'

export const BATCH = 100

/** What the programs subgraph can filter on itself (combined with AND). */
export interface ProgramFilter {
  text?: string
  owner?: string
  harmType?: string
  focusArea?: string
  audience?: string
}

export async function allHotlines(run: Run): Promise<Hotline[]> {
  return (await run<{ hotlines: Hotline[] }>(`{ hotlines { ${HOTLINE_FIELDS} } }`)).hotlines
}

export async function oneHotline(run: Run, id: string): Promise<Hotline | null> {
  return (await run<{ hotline: Hotline | null }>(`query ($id: ID!) { hotline(id: $id) { ${HOTLINE_FIELDS} } }`, { id })).hotline
}

export async function oneProgram(run: Run, id: string): Promise<Program | null> {
  return (await run<{ program: Program | null }>(`query ($id: ID!) { program(id: $id) { ${PROGRAM_FIELDS} } }`, { id })).program
}

export async function onePartner(run: Run, id: string): Promise<Partner | null> {
  return (await run<{ partner: Partner | null }>(`query ($id: ID!) { partner(id: $id) { ${PARTNER_FIELDS} } }`, { id })).partner
}

const PROGRAMS = (fields: string) => `query ($filter: ProgramFilter, $first: Int, $after: String) {
  programs(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`

export async function programPage(run: Run, filter: ProgramFilter, first: number, after: string | null, fields = PROGRAM_FIELDS) {
  return (await run<{ programs: Connection<Program> }>(PROGRAMS(fields), { filter, first, after })).programs
}

/** Every program matching the filter, one batch at a time, from the cursor given. */
export async function* programBatches(run: Run, filter: ProgramFilter, after: string | null = null): AsyncGenerator<Program[]> {
  let cursor = after
  for (;;) {
    const page = await programPage(run, filter, BATCH, cursor)
    if (page.nodes.length) yield page.nodes
    if (!page.pageInfo.hasNextPage) return
    cursor = page.pageInfo.endCursor
  }
}

const PARTNERS = `query ($filter: PartnerFilter, $after: String) {
  partners(filter: $filter, first: ${BATCH}, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${PARTNER_FIELDS} } } }`

export async function* partnerBatches(run: Run, text?: string): AsyncGenerator<Partner[]> {
  let after: string | null = null
  for (;;) {
    const { partners }: { partners: Connection<Partner> } = await run(PARTNERS, { filter: text ? { text } : {}, after })
    if (partners.nodes.length) yield partners.nodes
    if (!partners.pageInfo.hasNextPage) return
    after = partners.pageInfo.endCursor
  }
}

export async function partnersOf(run: Run, ids: string[]) {
  return (await run<{ [k: string]: Partner | null }>(`{ ${ids.map((id, i) => `p${i}: partner(id: ${JSON.stringify(id)}) { ${PARTNER_FIELDS} }`).join(' ')} }`))
}
