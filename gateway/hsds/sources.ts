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
  /** ISO 8601 instant. */
  updatedAfter?: string
}

export async function allHotlines(run: Run): Promise<Hotline[]> {
  return (await run<{ hotlines: Hotline[] }>(`{ hotlines { ${HOTLINE_FIELDS} } }`)).hotlines
}

/** One hotline with its operator in full, in one query. */
export async function oneHotline(run: Run, id: string): Promise<(Hotline & { operator: Partner | null }) | null> {
  const query = `query ($id: ID!) { hotline(id: $id) { ${HOTLINE_FIELDS} operator { ${PARTNER_FIELDS} } } }`
  return (await run<{ hotline: (Hotline & { operator: Partner | null }) | null }>(query, { id })).hotline
}

/** One program with its owner in full, in one query. */
export async function oneProgram(run: Run, id: string): Promise<(Program & { owner: Partner | null }) | null> {
  const owner = `owner { ... on CivilSocietyOrganisation { ${PARTNER_FIELDS} } ... on UnAgency { ${PARTNER_FIELDS} } }`
  return (await run<{ program: (Program & { owner: Partner | null }) | null }>(`query ($id: ID!) { program(id: $id) { ${PROGRAM_FIELDS} ${owner} } }`, { id })).program
}

export async function onePartner(run: Run, id: string): Promise<Partner | null> {
  return (await run<{ partner: Partner | null }>(`query ($id: ID!) { partner(id: $id) { ${PARTNER_FIELDS} } }`, { id })).partner
}

const PROGRAMS = (fields: string) => `query ($filter: ProgramFilter, $first: Int, $after: String) {
  programs(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`

export async function programPage(run: Run, filter: ProgramFilter, first: number, after: string | null, fields = PROGRAM_FIELDS) {
  return (await run<{ programs: Connection<Program> }>(PROGRAMS(fields), { filter, first, after })).programs
}

/**
 * Every program matching the filter, one batch at a time, from the cursor given. The next batch
 * is asked for while this one is consumed (one ahead, no more), so the subgraph's latency is
 * hidden without holding more than two batches.
 */
export async function* programBatches(run: Run, filter: ProgramFilter, after: string | null = null): AsyncGenerator<Program[]> {
  const ask = (cursor: string | null) => {
    const page = programPage(run, filter, BATCH, cursor)
    // Handled when awaited; this only keeps an abandoned prefetch from being an unhandled rejection.
    page.catch(() => undefined)
    return page
  }
  let next = ask(after)
  for (;;) {
    const page = await next
    if (page.pageInfo.hasNextPage) next = ask(page.pageInfo.endCursor)
    if (page.nodes.length) yield page.nodes
    if (!page.pageInfo.hasNextPage) return
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
