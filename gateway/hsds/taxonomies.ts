// The directory's classifications as HSDS taxonomies: harm types (hotlines subgraph), RPA focus
// areas and WeProtect Model National Response capabilities (commitments subgraph, MNR domains as
// parent terms), and program audiences. Services and organizations link to terms through
// `attribute` records whose `link_type` names the taxonomy (see the profile README).
// A hotline's MNR capability is derived from its kind: a child helpline is MNR-11, a CSEA
// reporting hotline MNR-12, a law-enforcement unit MNR-4 (Dedicated Law Enforcement).
import type { Run } from './graphql.ts'
import { hsdsId } from './ids.ts'

export type TaxonomyKey = 'harm-types' | 'focus-areas' | 'mnr' | 'audiences'

export const LINK_TYPES: Record<TaxonomyKey, string> = {
  'harm-types': 'harm_type',
  'focus-areas': 'focus_area',
  mnr: 'mnr_capability',
  audiences: 'audience',
}

export const MNR_BY_HOTLINE_KIND: Record<string, string> = { CHILD_HELPLINE: 'MNR-11', REPORTING_HOTLINE: 'MNR-12', LAW_ENFORCEMENT: 'MNR-4' }

const AUDIENCES: Record<string, string> = {
  CHILDREN: 'Children and young people',
  PARENTS: 'Parents and caregivers',
  TEACHERS: 'Teachers',
  LAW_ENFORCEMENT: 'Law enforcement',
  INDUSTRY: 'Industry',
  POLICYMAKERS: 'Policymakers',
}
export const AUDIENCE_CODES = Object.keys(AUDIENCES)

export interface HsdsTaxonomy {
  id: string
  name: string
  description: string
  uri?: string
  version?: string
}

export interface HsdsTerm {
  id: string
  code: string
  name: string
  description: string
  parent_id?: string
  taxonomy: string
  taxonomy_id: string
  language: 'en'
}

const TAXONOMIES: Record<TaxonomyKey, Omit<HsdsTaxonomy, 'id'>> = {
  'harm-types': {
    name: 'Online child sexual exploitation and abuse harm types',
    description: 'Types of online child sexual exploitation and abuse, named after the Luxembourg Terminology Guidelines; the codes are this directory\'s.',
  },
  'focus-areas': {
    name: 'ASEAN RPA COEA focus areas',
    description: 'Focus areas of the ASEAN Regional Plan of Action for the Protection of Children from All Forms of Online Exploitation and Abuse, by plan version.',
  },
  mnr: {
    name: 'WeProtect Model National Response',
    description: 'The 21 capabilities of the WeProtect Global Alliance Model National Response, under their six domains.',
    uri: 'https://www.weprotect.org/model-national-response/',
  },
  audiences: { name: 'Audiences', description: 'Who a program is for.' },
}

export const taxonomyId = (key: TaxonomyKey) => hsdsId('taxonomy', key)
export const termId = (key: TaxonomyKey, code: string) => hsdsId('taxonomy_term', key, code)

export const taxonomyList = (): HsdsTaxonomy[] => (Object.keys(TAXONOMIES) as TaxonomyKey[]).map((key) => ({ id: taxonomyId(key), ...TAXONOMIES[key] }))

interface Reference {
  harmTypes: { code: string; label: string; description: string | null }[]
  focusAreas: { code: string; number: number; label: string; plan: { code: string; title: string } }[]
  mnrCapabilities: { code: string; number: number; domain: string; label: string }[]
}

const REFERENCE = `{ harmTypes { code label description } focusAreas { code number label plan { code title } }
  mnrCapabilities { code number domain label } }`

const domainName = (domain: string) => domain.charAt(0) + domain.slice(1).toLowerCase().replace(/_/g, ' ')

/** Every term of every taxonomy, with lookups by id and by (taxonomy, code). */
export async function loadTerms(run: Run) {
  const ref = await run<Reference>(REFERENCE)
  const term = (key: TaxonomyKey, code: string, name: string, description: string, parentCode?: string): HsdsTerm => ({
    id: termId(key, code),
    code,
    name,
    description,
    ...(parentCode ? { parent_id: termId(key, parentCode) } : {}),
    taxonomy: TAXONOMIES[key].name,
    taxonomy_id: taxonomyId(key),
    language: 'en',
  })
  const domains = [...new Set(ref.mnrCapabilities.map((c) => c.domain))]
  const terms: HsdsTerm[] = [
    ...ref.harmTypes.map((h) => term('harm-types', h.code, h.label, h.description ?? h.label)),
    ...ref.focusAreas.map((f) => term('focus-areas', f.code, f.label, `Focus area ${f.number} of the ${f.plan.title}.`)),
    ...domains.map((d) => term('mnr', d, domainName(d), `Model National Response domain: ${domainName(d)}.`)),
    ...ref.mnrCapabilities.map((c) => term('mnr', c.code, c.label, `Model National Response capability ${c.number}: ${c.label}.`, c.domain)),
    ...Object.entries(AUDIENCES).map(([code, name]) => term('audiences', code, name, `${name}.`)),
  ]
  const byId = new Map(terms.map((t) => [t.id, t]))
  const keyOf = new Map(terms.map((t) => [t.id, (Object.keys(TAXONOMIES) as TaxonomyKey[]).find((k) => taxonomyId(k) === t.taxonomy_id)!]))
  return { terms, byId, keyOf, get: (key: TaxonomyKey, code: string) => byId.get(termId(key, code)) }
}

export type Terms = Awaited<ReturnType<typeof loadTerms>>

export interface HsdsAttribute {
  id: string
  link_id: string
  link_type: string
  link_entity: 'service' | 'organization'
  taxonomy_term_id: string
  taxonomy_term: HsdsTerm
}

/** Attribute records linking one service or organization to terms; unknown codes are skipped. */
export function attributes(terms: Terms, linkId: string, entity: 'service' | 'organization', codes: [TaxonomyKey, string][]): HsdsAttribute[] {
  return codes.flatMap(([key, code]) => {
    const t = terms.get(key, code)
    return t ? [{ id: hsdsId('attribute', linkId, t.id), link_id: linkId, link_type: LINK_TYPES[key], link_entity: entity, taxonomy_term_id: t.id, taxonomy_term: t }] : []
  })
}

/**
 * Terms change only when a harm type, focus area or capability is added; one read serves every
 * request for a minute. The reference data is public, so sharing it between callers leaks nothing.
 */
export function termCache(ttlMs = 60_000) {
  let cached: { at: number; terms: Promise<Terms> } | null = null
  return (run: Run): Promise<Terms> => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const terms = loadTerms(run)
      cached = { at: Date.now(), terms }
      terms.catch(() => {
        if (cached?.terms === terms) cached = null
      })
    }
    return cached.terms
  }
}
