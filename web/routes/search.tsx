// GET /<lang>/search?q=…&type=programs|resources|partners&country=kh&audience=…&after=…:
// one kind at a time, filtered, ten to a page with the directory's cursors. The directory
// matches every ASEAN script (Thai, Khmer, Lao and Burmese are written without spaces).
import type { FastifyInstance } from 'fastify'
import { CountriesDocument, SearchPartnersDocument, SearchProgramsDocument, SearchResourcesDocument, type Audience } from '../graphql/generated.ts'
import { SearchPage, type SearchParams, type SearchResults } from '../views/search-page.tsx'
import { callerOf, localeOf, pageContext, sendPage, type WebDeps } from './shared.ts'

export const PAGE_SIZE = 10
export const SEARCH_TYPES = ['programs', 'resources', 'partners'] as const
export const AUDIENCE_FILTERS: readonly Audience[] = ['CHILDREN', 'PARENTS', 'TEACHERS', 'LAW_ENFORCEMENT', 'INDUSTRY', 'POLICYMAKERS']

function params(query: Record<string, string | undefined>): SearchParams {
  const type = SEARCH_TYPES.find((t) => t === query.type) ?? 'programs'
  const country = query.country && /^[a-z]{2}$/i.test(query.country) ? query.country.toLowerCase() : ''
  const audience = AUDIENCE_FILTERS.find((a) => a === query.audience) ?? ''
  // Cursors are the directory's own opaque strings: passed back as they came, within reason.
  const after = query.after && query.after.length <= 200 ? query.after : ''
  return { q: (query.q ?? '').trim().slice(0, 200), type, country, audience, after }
}

export function searchRoutes(app: FastifyInstance, deps: WebDeps) {
  app.get('/:lang/search', async (request, reply) => {
    const locale = localeOf(request)
    if (!locale) return reply.callNotFound()
    const p = params(request.query as Record<string, string | undefined>)
    const caller = callerOf(request)
    const common = { first: PAGE_SIZE, after: p.after || null, lang: locale }
    const text = p.q || null
    const country = p.country ? p.country.toUpperCase() : null
    const audience = p.audience || null
    const [countries, found] = await Promise.all([
      deps.query(CountriesDocument, { lang: locale }, caller),
      (async (): Promise<SearchResults> => {
        if (p.type === 'partners') {
          const a = await deps.query(SearchPartnersDocument, { ...common, filter: { text, country } }, caller)
          return { type: 'partners', connection: a.data?.partners ?? null, failed: a.errors.length > 0 }
        }
        if (p.type === 'resources') {
          const a = await deps.query(SearchResourcesDocument, { ...common, filter: { text, country, audience } }, caller)
          return { type: 'resources', connection: a.data?.resources ?? null, failed: a.errors.length > 0 }
        }
        const a = await deps.query(SearchProgramsDocument, { ...common, filter: { text, country, audience } }, caller)
        return { type: 'programs', connection: a.data?.programs ?? null, failed: a.errors.length > 0 }
      })(),
    ])
    const page = pageContext(deps, request, locale)
    return sendPage(reply, page, <SearchPage params={p} countries={countries.data?.countries ?? []} results={found} />, 200, !found.failed && countries.errors.length === 0)
  })
}
