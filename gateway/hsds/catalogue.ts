// The service listing: hotlines first (filtered here, they are few), then programs in listing
// order, filtered by the civil-society subgraph (text, owner, harm type, focus area, audience,
// modified_after), so a page of programs costs one page of reads.
import type { Checkpoints } from './checkpoints.ts'
import type { Run } from './graphql.ts'
import { allHotlines, BATCH, programBatches, programPage, type ProgramFilter } from './sources.ts'
import { hotlineService, programService, type HsdsService } from './services.ts'
import type { HsdsTerm, TaxonomyKey, Terms } from './taxonomies.ts'

export interface ServiceQuery {
  search?: string
  modifiedAfter?: string
  /** The partner's directory id. */
  organization?: string
  term?: { key: TaxonomyKey; term: HsdsTerm }
}

const PROGRAM_TERM: Partial<Record<TaxonomyKey, keyof ProgramFilter>> = { 'harm-types': 'harmType', 'focus-areas': 'focusArea', audiences: 'audience' }

export const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
export const words = (search: string | undefined) => (search ? fold(search).split(/\s+/).filter(Boolean) : [])

function hasTerm(s: HsdsService, term: HsdsTerm): boolean {
  const attrs = (s.attributes ?? []) as { taxonomy_term: HsdsTerm }[]
  return attrs.some((a) => a.taxonomy_term.id === term.id || a.taxonomy_term.parent_id === term.id)
}

async function hotlineServices(run: Run, terms: Terms, q: ServiceQuery): Promise<HsdsService[]> {
  const wanted = words(q.search)
  const hotlines = (await allHotlines(run)).filter((h) => {
    if (q.organization && h.operator?.id !== q.organization) return false
    const text = fold([...h.names, ...h.descriptions].map((t) => t.value).join(' '))
    return wanted.every((w) => text.includes(w))
  })
  return hotlines
    .map((h) => hotlineService(h, terms))
    .filter((s) => (!q.modifiedAfter || s.last_modified >= q.modifiedAfter) && (!q.term || hasTerm(s, q.term.term)))
}

/** The programs filter, or null when no program can match (an MNR term: programs have none). */
function programFilter(q: ServiceQuery): ProgramFilter | null {
  const filter: ProgramFilter = {}
  if (q.search) filter.text = q.search
  if (q.organization) filter.owner = q.organization
  if (q.modifiedAfter) filter.updatedAfter = q.modifiedAfter
  if (q.term) {
    const field = PROGRAM_TERM[q.term.key]
    if (!field) return null
    filter[field] = q.term.term.code
  }
  return filter
}

/** Every matching service, one at a time, with memory bounded by one batch. */
export async function* streamServices(run: Run, terms: Terms, q: ServiceQuery): AsyncGenerator<HsdsService> {
  yield* await hotlineServices(run, terms, q)
  const filter = programFilter(q)
  if (!filter) return
  for await (const batch of programBatches(run, filter)) {
    for (const p of batch) yield programService(p, terms)
  }
}

export async function pageOfServices(run: Run, terms: Terms, q: ServiceQuery, page: number, perPage: number, checkpoints: Checkpoints) {
  const hotlines = await hotlineServices(run, terms, q)
  const filter = programFilter(q)
  const start = (page - 1) * perPage
  const items = hotlines.slice(start, start + perPage)
  if (!filter) return { total: hotlines.length, items }
  const key = JSON.stringify(filter)
  let offset = Math.max(0, start - hotlines.length)
  let { offset: at, cursor } = checkpoints.best(key, offset)
  let total: number | null = null
  while (at < offset) {
    const step = await programPage(run, filter, Math.min(BATCH, offset - at), cursor, 'id')
    total = step.totalCount
    if (!step.nodes.length) break
    at += step.nodes.length
    cursor = step.pageInfo.endCursor
    checkpoints.remember(key, at, cursor)
    if (!step.pageInfo.hasNextPage) break
  }
  if (at < offset) return { total: hotlines.length + (total ?? at), items }
  if (items.length >= perPage) {
    // The page is all hotlines; the programs are only counted.
    return { total: hotlines.length + (await programPage(run, filter, 1, null, 'id')).totalCount, items }
  }
  for (;;) {
    const batch = await programPage(run, filter, Math.min(BATCH, perPage - items.length), cursor)
    total = batch.totalCount
    items.push(...batch.nodes.map((p) => programService(p, terms)))
    offset += batch.nodes.length
    cursor = batch.pageInfo.endCursor
    checkpoints.remember(key, offset, cursor)
    if (!batch.pageInfo.hasNextPage || items.length >= perPage) break
  }
  return { total: hotlines.length + total, items }
}
