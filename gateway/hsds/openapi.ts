// The OpenAPI 3.1 description of this HSDS API (served at /hsds/openapi.json): the HSDS 3.0
// endpoints it implements, with the HSDS schemas by their published URLs and this directory's
// profile beside them. schema/hsds-profile/openapi.json records the same differences from the
// HSDS OpenAPI file as a merge patch.
const HSDS = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema'

const param = (name: string, description: string, type = 'string', extra: object = {}) => ({ name, in: 'query', required: false, description, schema: { type, ...extra } })
const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` })
const pageOf = (items: string, description: string) => ({
  200: {
    description,
    content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Page' }], properties: { contents: { type: 'array', items: { $ref: items } } } } }, 'application/x-ndjson': { schema: { $ref: items } } },
  },
  400: { description: 'A parameter is malformed or not supported; the message says which and why.' },
})
const one = (schema: string, description: string) => ({
  parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string', format: 'uuid' } }],
  get: { summary: description, responses: { 200: { description, content: { 'application/json': { schema: { $ref: schema } } } }, 404: { description: 'No such record in the public directory.' } } },
})
const LIST = ['search', 'page', 'per_page', 'format'].map(ref)

export function openapiDocument(base: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ASEAN partner-network directory: HSDS API',
      version: '3.0',
      summary: 'The public part of the directory of child online protection services in ASEAN, as Open Referral HSDS 3.0.',
      description: 'Public data only: the same as an anonymous GraphQL client may read. Hotlines, helplines and programs are services; partners are organizations. Fields HSDS has no place for are defined by the profile.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: base }],
    paths: {
      '/': { get: { summary: 'HSDS version, profile and this document.', operationId: 'getAPIMetaInformation', responses: { 200: { description: 'version, profile, openapi_url' } } } },
      '/services': {
        get: {
          summary: 'Services (hotlines, helplines, programs); filters combine with AND.',
          operationId: 'getPaginatedListOfServices',
          parameters: [...LIST, ...['taxonomy_term_id', 'organization_id', 'modified_after', 'minimal', 'full'].map(ref)],
          responses: pageOf(`${HSDS}/compiled/service_list.json`, 'A page of services (one-to-one fields; every field with full=true or format=ndjson).'),
        },
      },
      '/services/{id}': one(`${HSDS}/service.json`, 'A fully nested service.'),
      '/organizations': {
        get: { summary: 'Organizations (the partners).', operationId: 'getPaginatedListOfOrganizations', parameters: [...LIST, ref('modified_after'), ref('full')], responses: pageOf(`${HSDS}/compiled/organization_list.json`, 'A page of organizations.') },
      },
      '/organizations/{id}': one(`${HSDS}/organization.json`, 'An organization with the services it provides (full_service=true: fully nested).'),
      '/taxonomies': { get: { summary: 'Taxonomies.', operationId: 'getPaginatedListOfTaxonomies', parameters: LIST, responses: pageOf(`${HSDS}/taxonomy.json`, 'A page of taxonomies.') } },
      '/taxonomies/{id}': one(`${HSDS}/taxonomy.json`, 'A taxonomy.'),
      '/taxonomy_terms': {
        get: {
          summary: 'Taxonomy terms.',
          operationId: 'getPaginatedListOfTaxonomyTerms',
          parameters: [...LIST, ref('taxonomy_id'), param('top_only', 'Only terms without a parent.', 'boolean'), param('parent_id', 'Terms whose parent is this term.', 'string', { format: 'uuid' })],
          responses: pageOf(`${HSDS}/taxonomy_term.json`, 'A page of taxonomy terms.'),
        },
      },
      '/taxonomy_terms/{id}': one(`${HSDS}/taxonomy_term.json`, 'A taxonomy term.'),
      '/profile/': { get: { summary: 'The HSDS profile: its README and JSON Merge Patch files.', responses: { 200: { description: 'Index of the profile files.' } } } },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          properties: {
            total_items: { type: 'integer' },
            total_pages: { type: 'integer' },
            page_number: { type: 'integer' },
            size: { type: 'integer', description: 'Number of items on this page.' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean' },
          },
        },
      },
      parameters: {
        search: param('search', 'Words that must all appear in the name or description, in any language.'),
        page: param('page', 'Page number, from 1.', 'integer', { minimum: 1 }),
        per_page: param('per_page', 'Results per page (default 50, at most 500).', 'integer', { minimum: 1, maximum: 500 }),
        format: param('format', 'json (default) or ndjson: every result, fully nested, one per line, without paging.', 'string', { enum: ['json', 'ndjson'] }),
        taxonomy_term_id: param('taxonomy_term_id', 'Services with this term (or, for a parent term, any of its children).', 'string', { format: 'uuid' }),
        taxonomy_id: param('taxonomy_id', 'Terms of this taxonomy.', 'string', { format: 'uuid' }),
        organization_id: param('organization_id', 'Services this organization provides.', 'string', { format: 'uuid' }),
        modified_after: param('modified_after', 'Records modified on or after this ISO 8601 date or date-time.', 'string', { format: 'date-time' }),
        minimal: param('minimal', 'Only id and last_modified.', 'boolean'),
        full: param('full', 'Fully nested records.', 'boolean'),
      },
    },
  }
}
