// Open Referral HSDS 3.0 API under /hsds: the public directory as HSDS services, organizations
// and taxonomies, so another service directory can pull it without a GraphQL client. Every read
// is a GraphQL operation run as the public role through the gateway's own authorisation
// (app.executeGraphQL), whoever is asking: the HSDS API never shows more than public GraphQL.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { pageOfServices, streamServices, words, fold, type ServiceQuery } from '../hsds/catalogue.ts'
import { Checkpoints } from '../hsds/checkpoints.ts'
import { allOrganizations, streamOrganizations } from '../hsds/directory.ts'
import { publicGraphQL, SourceError, type Run } from '../hsds/graphql.ts'
import { BadRequest, bool, instant, pageOf, paging, refuse, sendNdjson, slice, text, uuid } from '../hsds/http.ts'
import { UUID_PATTERN } from '../hsds/ids.ts'
import { IdIndex } from '../hsds/lookup.ts'
import { openapiDocument } from '../hsds/openapi.ts'
import { organization, organizationListItem } from '../hsds/organizations.ts'
import { loadProfile, PROFILE_NAME } from '../hsds/profile.ts'
import { hotlineService, listItem, programService, type HsdsService } from '../hsds/services.ts'
import { oneHotline, onePartner, oneProgram } from '../hsds/sources.ts'
import { taxonomyList, termCache, type Terms } from '../hsds/taxonomies.ts'
import type { RouteOptions } from './index.ts'

type Query = Record<string, string | undefined>

const base = (request: FastifyRequest) => `${request.protocol}://${request.host}`
const notFound = (what: string, id: string) => Object.assign(new Error(`No ${what} with id "${id}" in the public directory.`), { statusCode: 404 })
const minimalItem = (s: HsdsService) => ({ id: s.id, last_modified: s.last_modified })

async function fullService(run: Run, terms: Terms, kind: string, id: string): Promise<HsdsService | null> {
  if (kind === 'hotline') {
    const h = await oneHotline(run, id)
    if (!h) return null
    return { ...hotlineService(h, terms), ...(h.operator ? { organization: organization(h.operator, terms) } : {}) }
  }
  const p = await oneProgram(run, id)
  // A program whose organisation is retired (owner null) is not in the public directory.
  return p?.owner ? { ...programService(p, terms), organization: organization(p.owner, terms) } : null
}

export const routes: FastifyPluginAsync<RouteOptions> = async (app: FastifyInstance) => {
  const index = new IdIndex()
  const checkpoints = new Checkpoints()
  const profile = loadProfile()
  const loadTerms = termCache()
  const reader = (request: FastifyRequest) => publicGraphQL(app, request.id)

  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    const status = err instanceof BadRequest || err instanceof SourceError || err.statusCode === 404 || err.statusCode === 400 ? err.statusCode! : 500
    if (status >= 500) request.log.error({ err }, 'HSDS request failed')
    const message = status === 500 ? 'Internal error; the request id identifies it in the logs.' : err.message
    return reply.code(status).send({ statusCode: status, message, requestId: request.id })
  })

  const meta = async (request: FastifyRequest) => ({
    version: '3.0',
    profile: `${base(request)}/hsds/profile/`,
    openapi_url: `${base(request)}/hsds/openapi.json`,
  })
  app.get('/hsds', meta)
  app.get('/hsds/', meta)
  app.get('/hsds/openapi.json', async (request) => openapiDocument(`${base(request)}/hsds`))

  app.get('/hsds/profile/', async (request) => ({
    name: PROFILE_NAME,
    uri: `${base(request)}/hsds/profile/`,
    readme: `${base(request)}/hsds/profile/README.md`,
    files: Object.fromEntries([...profile.patches.keys()].map((f) => [f, `${base(request)}/hsds/profile/${f}`])),
  }))
  app.get('/hsds/profile/README.md', async (_request, reply) => reply.type('text/markdown; charset=utf-8').send(profile.readme))
  app.get<{ Params: { file: string } }>('/hsds/profile/:file', async (request) => {
    const patch = profile.patches.get(request.params.file)
    if (patch === undefined) throw notFound('profile file', request.params.file)
    return patch
  })

  app.get('/hsds/services', async (request, reply: FastifyReply) => {
    const query = request.query as Query
    refuse(query, ['taxonomy_id', 'postcode', 'proximity'], 'filter services by taxonomy_term_id, organization_id, modified_after or search.')
    const p = paging(query)
    const [full, minimal] = [bool(query, 'full'), bool(query, 'minimal')]
    const q: ServiceQuery = { search: text(query, 'search'), modifiedAfter: instant(query, 'modified_after') }
    const [organizationId, termId] = [uuid(query, 'organization_id'), uuid(query, 'taxonomy_term_id')]
    const run = reader(request)
    const terms = await loadTerms(run)
    // An id the directory does not know matches nothing, like any other filter.
    let none = false
    if (organizationId) {
      const hit = await index.resolve(run, organizationId, ['organization'])
      if (hit) q.organization = hit.id
      else none = true
    }
    if (termId) {
      const term = terms.byId.get(termId)
      if (term) q.term = { key: terms.keyOf.get(term.id)!, term }
      else none = true
    }
    if (p.ndjson) return sendNdjson(reply, none ? toAsync([]) : streamServices(run, terms, q))
    if (none) return pageOf([], 0, p)
    const { total, items } = await pageOfServices(run, terms, q, p.page, p.perPage, checkpoints)
    return pageOf(items.map(full ? (s: HsdsService) => s : minimal ? minimalItem : listItem), total, p)
  })

  app.get<{ Params: { id: string } }>('/hsds/services/:id', async (request) => {
    const { id } = request.params
    const run = reader(request)
    const hit = UUID_PATTERN.test(id) ? await index.resolve(run, id, ['hotline', 'program']) : null
    const service = hit && (await fullService(run, await loadTerms(run), hit.kind, hit.id))
    if (!service) throw notFound('service', id)
    return service
  })

  app.get('/hsds/organizations', async (request, reply) => {
    const query = request.query as Query
    const p = paging(query)
    const full = bool(query, 'full')
    const run = reader(request)
    const terms = await loadTerms(run)
    const q = { search: text(query, 'search'), modifiedAfter: instant(query, 'modified_after') }
    if (p.ndjson) return sendNdjson(reply, streamOrganizations(run, terms, q))
    const page = slice(await allOrganizations(run, terms, q), p)
    return full ? page : { ...page, contents: page.contents.map(organizationListItem) }
  })

  app.get<{ Params: { id: string } }>('/hsds/organizations/:id', async (request) => {
    const { id } = request.params
    const fullServices = bool(request.query as Query, 'full_service')
    const run = reader(request)
    const hit = UUID_PATTERN.test(id) ? await index.resolve(run, id, ['organization']) : null
    const partner = hit && (await onePartner(run, hit.id))
    if (!hit || !partner) throw notFound('organization', id)
    const terms = await loadTerms(run)
    const services: unknown[] = []
    for await (const s of streamServices(run, terms, { organization: hit.id })) services.push(fullServices ? s : listItem(s))
    return { ...organization(partner, terms), services }
  })

  app.get('/hsds/taxonomies', async (request, reply) => {
    const query = request.query as Query
    const p = paging(query)
    const wanted = words(text(query, 'search'))
    const all = taxonomyList().filter((t) => wanted.every((w) => fold(`${t.name} ${t.description}`).includes(w)))
    return p.ndjson ? sendNdjson(reply, toAsync(all)) : slice(all, p)
  })
  app.get<{ Params: { id: string } }>('/hsds/taxonomies/:id', async (request) => {
    const found = taxonomyList().find((t) => t.id === request.params.id.toLowerCase())
    if (!found) throw notFound('taxonomy', request.params.id)
    return found
  })

  app.get('/hsds/taxonomy_terms', async (request, reply) => {
    const query = request.query as Query
    const p = paging(query)
    const wanted = words(text(query, 'search'))
    const [taxonomyId, parentId, topOnly] = [uuid(query, 'taxonomy_id'), uuid(query, 'parent_id'), bool(query, 'top_only')]
    const { terms } = await loadTerms(reader(request))
    const all = terms.filter(
      (t) =>
        (!taxonomyId || t.taxonomy_id === taxonomyId) &&
        (!parentId || t.parent_id === parentId) &&
        (!topOnly || !t.parent_id) &&
        wanted.every((w) => fold(`${t.code} ${t.name} ${t.description}`).includes(w)),
    )
    return p.ndjson ? sendNdjson(reply, toAsync(all)) : slice(all, p)
  })
  app.get<{ Params: { id: string } }>('/hsds/taxonomy_terms/:id', async (request) => {
    const { byId } = await loadTerms(reader(request))
    const found = byId.get(request.params.id.toLowerCase())
    if (!found) throw notFound('taxonomy term', request.params.id)
    return found
  })
}

async function* toAsync<T>(items: T[]) {
  yield* items
}
