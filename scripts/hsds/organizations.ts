// HSDS organizations to partners: matched by the directory id (profile `directory_id`, or an
// organization_identifier in the "asean-coea-directory" scheme), by the HSDS id this directory
// derives, or by the English name; then registered (registerPartner) or updated (updatePartner)
// with only the fields that differ. HSDS has no partner kind and no countries: a new partner needs
// the profile's partner_kind and country_codes. Descriptions are only ever read in English, so an
// update never rewrites them (it would drop the other languages).
import { IDENTIFIER_SCHEME } from '../../gateway/hsds/organizations.ts'
import { partnerByHsdsId, type ExistingPartner, type Text } from './directory.ts'
import { arr, has, same, str, termCodes, write, type ImportContext, type Outcome } from './outcome.ts'

const KINDS = ['GOVERNMENT', 'TECH_COMPANY', 'CIVIL_SOCIETY', 'UN_AGENCY']
const SCOPES = ['NATIONAL', 'REGIONAL', 'INTERNATIONAL']

function directoryIdOf(org: Record<string, unknown>): string | undefined {
  const identifier = arr(org.organization_identifiers).find((i) => i.identifier_scheme === IDENTIFIER_SCHEME)
  return str(org.directory_id) ?? str(identifier?.identifier)
}

function match(ctx: ImportContext, org: Record<string, unknown>): ExistingPartner | undefined {
  const byId = directoryIdOf(org)
  if (byId && ctx.dir.partners.has(byId)) return ctx.dir.partners.get(byId)
  const byUuid = typeof org.id === 'string' ? partnerByHsdsId(ctx.dir, org.id) : undefined
  if (byUuid) return byUuid
  const name = str(org.name)?.toLowerCase()
  return [...ctx.dir.partners.values()].find((p) => p.names.some((n) => n.lang === 'en' && n.value.trim().toLowerCase() === name))
}

/** Names: the profile's translations when given (English first from `name`), else `name` in English. */
function names(org: Record<string, unknown>, existing?: Text[]): Text[] {
  const name = str(org.name)!
  const given = arr(org.name_translations).map((t) => ({ lang: String(t.lang), value: String(t.value) }))
  if (given.length) return [{ lang: 'en', value: name }, ...given.filter((t) => t.lang !== 'en')]
  return [{ lang: 'en', value: name }, ...(existing ?? []).filter((t) => t.lang !== 'en')]
}

export async function importOrganization(ctx: ImportContext, org: Record<string, unknown>, where: string): Promise<Outcome> {
  const base = { type: 'organization' as const, where, hsdsId: String(org.id), name: str(org.name), reasons: [] as string[] }
  const existing = match(ctx, org)
  const countries = Array.isArray(org.country_codes) ? (org.country_codes as string[]) : undefined
  const focusAreas = termCodes(ctx, org)['focus-areas']
  const scope = str(org.scope)
  const headquarters = str(org.headquarters_country)
  const website = str(org.website)
  if (existing) {
    ctx.organizations.set(base.hsdsId, { id: existing.id, kind: existing.kind })
    const input: Record<string, unknown> = {}
    const wanted = names(org, existing.names)
    if (!same(wanted, existing.names.map(({ lang, value }) => ({ lang, value })))) input.names = wanted
    if (website !== undefined && website !== existing.website) input.website = website
    if (countries && !same(countries, existing.countries.map((c) => c.code))) input.countries = countries
    if (scope && SCOPES.includes(scope) && scope !== existing.scope) input.scope = scope
    if (headquarters && headquarters !== existing.headquarters?.code) input.headquarters = headquarters
    if (arr(org.attributes).length && !same(focusAreas, existing.focusAreas.map((f) => f.code))) input.focusAreas = focusAreas
    const fields = Object.keys(input)
    if (!fields.length) return { ...base, status: 'unchanged', directoryId: existing.id }
    if (!has(ctx, 'updatePartner')) return { ...base, status: 'not importable yet', directoryId: existing.id, reasons: ['the gateway has no updatePartner mutation yet'], fields }
    return write(ctx, base, existing.id, fields, 'mutation ($id: ID!, $v: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, expectedVersion: $v, input: $input) { id } }', { id: existing.id, v: existing.version, input }, 'updated')
  }
  const kind = str(org.partner_kind)
  const reasons: string[] = []
  if (!kind || !KINDS.includes(kind)) reasons.push(`partner_kind: a new partner needs its kind (${KINDS.join(', ')}); HSDS has no such field, the profile's partner_kind gives it`)
  if (!countries?.length) reasons.push('country_codes: a new partner needs the ISO 3166-1 alpha-2 codes of the countries it works in (the profile\'s country_codes)')
  if (reasons.length) return { ...base, status: 'rejected', reasons }
  const description = str(org.description)
  const input = {
    id: directoryIdOf(org),
    kind,
    names: names(org),
    ...(description ? { descriptions: [{ lang: 'en', value: description }] } : {}),
    ...(scope ? { scope } : {}),
    countries,
    ...(headquarters ? { headquarters } : {}),
    ...(website ? { website } : {}),
    focusAreas,
    source: str(org.verification_source) ?? ctx.source,
  }
  if (!has(ctx, 'registerPartner')) return { ...base, status: 'not importable yet', reasons: ['the gateway has no registerPartner mutation yet'] }
  const outcome = await write(ctx, base, input.id, Object.keys(input), 'mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }', { input }, 'created')
  // In a dry run a new partner has no id yet; its services are still checked against its kind.
  if (outcome.status === 'created') ctx.organizations.set(base.hsdsId, { id: outcome.directoryId ?? `(new) ${base.name}`, kind: kind! })
  return outcome
}
