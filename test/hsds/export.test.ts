// The HSDS API as a partner directory uses it: every object valid against the HSDS 3.0 schemas
// (and against the profile, with no undocumented field), the Page wrapper, paging, filters that
// combine with AND, search, the profile and the OpenAPI description, and clear refusals.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { hsdsId } from '../../gateway/hsds/ids.ts'
import { termId } from '../../gateway/hsds/taxonomies.ts'
import { hsdsSchemaDir, mergePatch, PROFILE_DIR } from '../../scripts/hsds/schemas.ts'
import { startTestStack } from '../helpers/stack.ts'
import { hsdsHttp, hsdsValidators } from './fixtures/hsds.ts'

const { core, profile } = hsdsValidators()
const openapi = JSON.parse(readFileSync(join(hsdsSchemaDir(), 'openapi.json'), 'utf8'))
core.ajv.addSchema({ ...openapi.components.schemas.Page, required: Object.keys(openapi.components.schemas.Page.properties) }, 'Page')

t.test('the HSDS API', async (t) => {
  const stack = await startTestStack(t)
  const { get, ndjson } = hsdsHttp(stack)
  const services = await ndjson('/hsds/services?format=ndjson')
  const organizations = await ndjson('/hsds/organizations?format=ndjson')

  t.test('GET /hsds/ names the version, the profile and the OpenAPI document, all served', async (t) => {
    const { body } = await get('/hsds/')
    t.equal(body.version, '3.0')
    for (const url of [body.profile, body.openapi_url]) t.equal((await fetch(url)).status, 200, url)
    const doc = (await get('/hsds/openapi.json')).body
    // The profile's openapi.json is a merge patch over HSDS's: it must describe the same paths.
    const patched = mergePatch(openapi, JSON.parse(readFileSync(join(PROFILE_DIR, 'openapi.json'), 'utf8'))) as { paths: object }
    t.same(Object.keys(doc.paths).sort(), Object.keys(patched.paths).sort(), 'the served OpenAPI and the profile patch agree on the paths')
  })

  t.test('every exported object is valid HSDS 3.0, and every field is HSDS or profile', async (t) => {
    t.ok(services.length > 40 && organizations.length > 40, `${services.length} services, ${organizations.length} organizations`)
    const check = (schema: string, objects: unknown[], closed = true) => {
      const errors = objects.flatMap((o) => [...core.validate(schema, o), ...(closed ? profile.validate(schema, o).map((e) => `profile: ${e}`) : [])])
      t.same(errors, [], `${objects.length} against ${schema}`)
    }
    check('service.json', services)
    check('organization.json', organizations)
    const servicePage = (await get('/hsds/services?per_page=500')).body
    const orgPage = (await get('/hsds/organizations?per_page=500')).body
    check('Page', [servicePage, orgPage], false)
    check('compiled/service_list.json', servicePage.contents, false)
    check('compiled/organization_list.json', orgPage.contents, false)
    check('taxonomy.json', (await get('/hsds/taxonomies')).body.contents)
    check('taxonomy_term.json', (await get('/hsds/taxonomy_terms?per_page=500')).body.contents)
    // By id: one service of each kind the directory has (hotline kinds and programs).
    const kinds = new Map(services.map((s) => [`${s.directory_type}:${s.hotline_kind ?? ''}`, s]))
    check('service.json', await Promise.all([...kinds.values()].map(async (s) => (await get(`/hsds/services/${s.id}`)).body)))
    check('organization.json', [(await get(`/hsds/organizations/${hsdsId('organization', 'childline-thailand')}?full_service=true`)).body])
  })

  t.test('ids are the UUIDs the profile documents, and lead back to the record', async (t) => {
    const saidek = services.find((s) => s.directory_id === 'th-saidek-1387' && s.directory_type === 'hotline')
    t.equal(saidek?.id, hsdsId('hotline', 'th-saidek-1387'))
    const one = await get(`/hsds/services/${saidek.id}`)
    t.equal(one.body.name, saidek.name)
    t.equal(one.body.organization?.id, saidek.organization_id, 'the provider is nested')
    const org = await get(`/hsds/organizations/${saidek.organization_id}`)
    t.ok(org.body.services.some((s: { id: string }) => s.id === saidek.id), 'the organization lists the service')
  })

  t.test('pages cover the listing once, in order, with a consistent wrapper', async (t) => {
    const seen: string[] = []
    const first = (await get('/hsds/services?per_page=7')).body
    t.match(first, { total_items: services.length, total_pages: Math.ceil(services.length / 7), page_number: 1, size: 7, first_page: true, last_page: false, empty: false })
    for (let page = 1; page <= first.total_pages; page++) {
      const body = (await get(`/hsds/services?per_page=7&page=${page}`)).body
      t.equal(body.total_items, services.length)
      t.equal(body.last_page, page === first.total_pages)
      seen.push(...body.contents.map((s: { id: string }) => s.id))
    }
    t.same(seen, services.map((s) => s.id), 'pages in sequence give the ndjson order, nothing twice or missing')
    const beyond = (await get(`/hsds/services?per_page=7&page=${first.total_pages + 1}`)).body
    t.match(beyond, { empty: true, size: 0, contents: [] })
    const jump = (await get('/hsds/services?per_page=3&page=15')).body
    t.same(jump.contents.map((s: { id: string }) => s.id), services.slice(42, 45).map((s) => s.id), 'a page reached directly matches')
  })

  t.test('filters combine with AND', async (t) => {
    const ids = async (query: string) => (await ndjson(`/hsds/services?format=ndjson&${query}`)).map((s) => s.id).sort()
    const pagedIds = async (query: string) => (await get(`/hsds/services?per_page=500&${query}`)).body.contents.map((s: { id: string }) => s.id).sort()
    const org = `organization_id=${hsdsId('organization', 'childline-thailand')}`
    const helpline = `taxonomy_term_id=${termId('mnr', 'MNR-11')}`
    const children = `taxonomy_term_id=${termId('audiences', 'CHILDREN')}`
    const [byOrg, byHelpline, byChildren] = await Promise.all([ids(org), ids(helpline), ids(children)])
    t.ok(byOrg.length >= 2 && byHelpline.length > 5 && byChildren.length > 2)
    t.same(await ids(`${org}&${helpline}`), byOrg.filter((id) => byHelpline.includes(id)))
    t.same(await ids(`${org}&${children}`), byOrg.filter((id) => byChildren.includes(id)))
    t.same(await pagedIds(`${org}&${helpline}`), await ids(`${org}&${helpline}`), 'paged and streamed agree')
    const victim = await ids(`taxonomy_term_id=${termId('mnr', 'VICTIM')}`)
    t.ok(byHelpline.every((id) => victim.includes(id)), 'a parent term (an MNR domain) matches its children')
    const cutoff = '2026-06-01T00:00:00Z'
    const recent = await ndjson(`/hsds/services?format=ndjson&modified_after=${cutoff}`)
    t.same(recent.map((s) => s.id).sort(), services.filter((s) => s.last_modified >= '2026-06-01T00:00:00.000Z').map((s) => s.id).sort(), 'modified_after: on or after')
    t.same(await pagedIds(`modified_after=${cutoff}&${org}`), recent.filter((s) => byOrg.includes(s.id)).map((s) => s.id).sort())
    t.same(await ids(`organization_id=${hsdsId('organization', 'no-such-partner')}`), [], 'an unknown organization matches nothing')
  })

  t.test('search: every word, any language and script', async (t) => {
    const names = async (search: string) => (await get(`/hsds/services?per_page=500&search=${encodeURIComponent(search)}`)).body.contents.map((s: { name: string }) => s.name)
    t.ok((await names('Talian Kasih')).some((n: string) => n.includes('Talian Kasih')))
    t.same(await names('Talian zzzznotaword'), [], 'all words must match')
    t.ok((await names('สายเด็ก')).length > 0, 'Thai, written without spaces')
    const orgs = (await get('/hsds/organizations?search=ECPAT')).body.contents
    t.ok(orgs.length > 0 && orgs.length < organizations.length, 'organizations are searched too')
    t.ok(orgs.some((o: { name: string }) => /ECPAT/i.test(o.name)))
  })

  t.test('list forms: one-to-one fields, full, minimal', async (t) => {
    const [list, full, minimal] = await Promise.all(['', '&full=true', '&minimal=true'].map(async (q) => (await get(`/hsds/services?per_page=3${q}`)).body.contents[0]))
    t.notOk('phones' in list, 'a listing has no nested records')
    t.ok(Array.isArray(full.phones), 'full=true nests them')
    t.same(Object.keys(minimal).sort(), ['id', 'last_modified'])
  })

  t.test('taxonomies and terms', async (t) => {
    const taxonomies = (await get('/hsds/taxonomies')).body
    t.equal(taxonomies.total_items, 4)
    const mnr = taxonomies.contents.find((x: { name: string }) => /Model National Response/.test(x.name))
    t.equal((await get(`/hsds/taxonomies/${mnr.id}`)).body.name, mnr.name)
    const top = (await get(`/hsds/taxonomy_terms?taxonomy_id=${mnr.id}&top_only=true`)).body
    t.equal(top.total_items, 6, 'six MNR domains')
    const victim = top.contents.find((x: { code: string }) => x.code === 'VICTIM')
    const children = (await get(`/hsds/taxonomy_terms?parent_id=${victim.id}`)).body.contents.map((x: { code: string }) => x.code)
    t.ok(children.includes('MNR-11'))
    t.equal((await get(`/hsds/taxonomy_terms/${termId('harm-types', 'sextortion')}`)).body.code, 'sextortion')
  })

  t.test('the profile is served file by file', async (t) => {
    const index = (await get('/hsds/profile/')).body
    t.ok(index.files['service.json'] && index.files['contact_channel.json'])
    t.same((await get('/hsds/profile/service.json')).body, JSON.parse(readFileSync(join(PROFILE_DIR, 'service.json'), 'utf8')))
    t.match((await get('/hsds/profile/README.md')).type, /text\/markdown/)
    t.equal((await get('/hsds/profile/..%2F..%2Fpackage.json')).status, 404)
  })

  t.test('refusals say what is wrong', async (t) => {
    for (const [query, pattern] of [
      ['per_page=0', /per_page/],
      ['page=abc', /page/],
      ['format=xml', /format/],
      ['taxonomy_id=' + hsdsId('taxonomy', 'x'), /taxonomy_id.*not supported.*taxonomy_term_id/],
      ['organization_id=childline-thailand', /organization_id.*UUID/],
      ['modified_after=yesterday', /ISO 8601/],
      ['full=maybe', /true or false/],
    ] as const) {
      const res = await get(`/hsds/services?${query}`)
      t.equal(res.status, 400, query)
      t.match(res.body.message, pattern)
    }
    t.equal((await get(`/hsds/services/${hsdsId('hotline', 'no-such-hotline')}`)).status, 404)
    t.equal((await get('/hsds/services/th-saidek-1387')).status, 404, 'directory ids are not HSDS ids')
    t.equal((await get(`/hsds/organizations/${hsdsId('organization', 'no-such-partner')}`)).status, 404)
    t.equal((await get(`/hsds/taxonomy_terms/${hsdsId('taxonomy_term', 'x')}`)).status, 404)
  })
})
