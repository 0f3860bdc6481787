// Organizations: the partner registry, read through in batches (partners number in the
// hundreds at most). The registry's own text search filters names and descriptions in every
// language; modified_after is applied here.
import type { Run } from './graphql.ts'
import { organization, type HsdsOrganization } from './organizations.ts'
import { partnerBatches } from './sources.ts'
import type { Terms } from './taxonomies.ts'

export interface OrganizationQuery {
  search?: string
  modifiedAfter?: string
}

export async function* streamOrganizations(run: Run, terms: Terms, q: OrganizationQuery): AsyncGenerator<HsdsOrganization> {
  for await (const batch of partnerBatches(run, q.search)) {
    for (const p of batch) {
      const o = organization(p, terms)
      if (!q.modifiedAfter || (o.last_modified as string) >= q.modifiedAfter) yield o
    }
  }
}

export async function allOrganizations(run: Run, terms: Terms, q: OrganizationQuery): Promise<HsdsOrganization[]> {
  const all: HsdsOrganization[] = []
  for await (const o of streamOrganizations(run, terms, q)) all.push(o)
  return all
}
