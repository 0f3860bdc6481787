// Partners to HSDS organizations. The partner's kind, scope, countries, verification and the
// names in other languages are profile fields; its directory id is also given in the core
// `organization_identifiers`, so a partner can cross-reference the GraphQL API without the
// profile. Focus areas become attributes.
import type { Partner } from './graphql.ts'
import { hsdsId } from './ids.ts'
import { UPDATED_BY } from './services.ts'
import { attributes, type Terms } from './taxonomies.ts'

export const IDENTIFIER_SCHEME = 'asean-coea-directory'

export type HsdsOrganization = Record<string, unknown> & { id: string; name: string; description: string }

export function organization(p: Partner, terms: Terms): HsdsOrganization {
  const id = hsdsId('organization', p.id)
  return {
    id,
    name: p.name,
    // HSDS requires a description; the directory does not always have one.
    description: p.description ?? '',
    ...(p.website ? { website: p.website } : {}),
    organization_identifiers: [
      {
        id: hsdsId('organization_identifier', p.id),
        organization_id: id,
        identifier_scheme: IDENTIFIER_SCHEME,
        identifier_type: 'Partner id in the ASEAN partner-network directory',
        identifier: p.id,
      },
    ],
    attributes: attributes(terms, id, 'organization', p.focusAreas.map((f) => ['focus-areas', f.code])),
    metadata: [
      {
        id: hsdsId('metadata', id, 'update', p.updatedAt),
        resource_id: id,
        resource_type: 'organization',
        last_action_date: p.updatedAt,
        last_action_type: 'update',
        field_name: '',
        previous_value: '',
        replacement_value: '',
        updated_by: UPDATED_BY,
      },
    ],
    last_modified: p.updatedAt,
    directory_id: p.id,
    partner_kind: p.kind,
    scope: p.scope,
    country_codes: p.countries.map((c) => c.code),
    headquarters_country: p.headquarters?.code ?? null,
    verified: p.verification.verified,
    verified_at: p.verification.verifiedAt,
    verification_source: p.verification.source,
    name_translations: p.names.map(({ lang, value }) => ({ lang, value })),
  }
}

const LIST_FIELDS = ['id', 'name', 'description', 'website', 'last_modified', 'directory_id', 'partner_kind', 'scope', 'country_codes', 'headquarters_country', 'verified']

export const organizationListItem = (o: HsdsOrganization) => Object.fromEntries(LIST_FIELDS.filter((f) => o[f] !== undefined).map((f) => [f, o[f]]))
