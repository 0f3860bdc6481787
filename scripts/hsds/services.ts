// HSDS services to programs (createProgram, updateProgram). A service is a program of its
// organization, which must be a civil-society organisation or UN agency in the directory (or
// registered by this import). Programs are matched by the profile's directory_id, by the HSDS id
// this directory derives, or by owner and English title; an update sends only the fields that
// differ. Services the profile marks as hotlines (directory_type "hotline") go to hotlines.ts.
import { hsdsId } from '../../gateway/hsds/ids.ts'
import type { ExistingProgram } from './directory.ts'
import { importHotline } from './hotlines.ts'
import { arr, has, same, str, termCodes, write, type ImportContext, type Outcome } from './outcome.ts'

const OWNER_KINDS = ['CIVIL_SOCIETY', 'UN_AGENCY']
const STATUS: Record<string, string> = { active: 'ACTIVE', inactive: 'PLANNED', defunct: 'ENDED' }

const texts = (list: unknown, english: string | undefined) => {
  const given = arr(list).map((t) => ({ lang: String(t.lang), value: String(t.value) }))
  if (!english) return given
  return [{ lang: 'en', value: english }, ...given.filter((t) => t.lang !== 'en')]
}

function programFields(ctx: ImportContext, s: Record<string, unknown>, reasons: string[]) {
  const countries = arr(s.service_areas).map((a) => str(a.country_code) ?? (/^[A-Z]{2}$/.test(String(a.name)) ? String(a.name) : undefined))
  if (!countries.length || countries.some((c) => !c)) {
    reasons.push('service_areas: a program needs the countries it serves, each with the profile\'s country_code (or an ISO 3166-1 alpha-2 code as its name)')
  }
  const directoryStatus = str(s.directory_status)
  const status = directoryStatus && ['PLANNED', 'ACTIVE', 'ENDED'].includes(directoryStatus) ? directoryStatus : STATUS[String(s.status)]
  if (!status) reasons.push(`status: "${String(s.status)}" has no program equivalent (a program is planned, active or ended)`)
  const codes = termCodes(ctx, s)
  const phone = arr(s.phones)[0]
  const description = str(s.description)
  return {
    titles: texts(s.name_translations, str(s.name)),
    descriptions: texts(s.description_translations, description),
    countries: countries.filter((c): c is string => !!c),
    focusAreas: codes['focus-areas'],
    harmTypes: codes['harm-types'],
    audiences: codes.audiences,
    status,
    startsOn: str(s.starts_on) ?? null,
    endsOn: str(s.ends_on) ?? null,
    contacts: {
      website: str(s.url) ?? null,
      email: str(s.email) ?? null,
      phone: phone ? (str(phone.e164) ?? str(phone.number) ?? null) : null,
      ...(phone && str(phone.dialable_in) ? { phoneCountry: str(phone.dialable_in) } : {}),
      source: str(s.source) ?? ctx.source,
    },
  }
}

type Fields = ReturnType<typeof programFields>

/** The existing program as the same shape, to compare field by field. */
const current = (p: ExistingProgram): Omit<Fields, 'contacts'> & { contacts: Record<string, unknown> } => ({
  titles: p.titles.map(({ lang, value }) => ({ lang, value })),
  descriptions: p.descriptions.map(({ lang, value }) => ({ lang, value })),
  countries: p.countries.map((c) => c.code),
  focusAreas: p.focusAreas.map((f) => f.code),
  harmTypes: p.harmTypes.map((h) => h.code),
  audiences: p.audiences,
  status: p.status,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  contacts: { website: p.contacts.website, email: p.contacts.email, phone: p.contacts.phone?.e164 ?? p.contacts.phone?.number ?? null, source: p.contacts.source },
})

function match(ctx: ImportContext, s: Record<string, unknown>, ownerId: string, title: string | undefined) {
  const directoryId = str(s.directory_id)
  return (
    ctx.dir.programs.find((p) => p.id === directoryId) ??
    ctx.dir.programs.find((p) => hsdsId('program', p.id) === String(s.id).toLowerCase()) ??
    ctx.dir.programs.find((p) => p.owner.id === ownerId && p.titles.some((t) => t.lang === 'en' && t.value.trim().toLowerCase() === title?.toLowerCase()))
  )
}

export async function importService(ctx: ImportContext, s: Record<string, unknown>, where: string): Promise<Outcome> {
  const base = { type: 'service' as const, where, hsdsId: String(s.id), name: str(s.name), reasons: [] as string[] }
  if (s.directory_type === 'hotline') return importHotline(ctx, s, where)
  const orgId = String(s.organization_id ?? '').toLowerCase()
  const owner = ctx.organizations.get(orgId)
  if (!owner) return { ...base, status: 'rejected', reasons: [`organization_id: ${orgId || '(none)'} is neither a partner in the directory nor an organization imported from this file`] }
  if (!OWNER_KINDS.includes(owner.kind)) {
    return { ...base, status: 'rejected', reasons: [`organization_id: programs belong to civil-society organisations and UN agencies; ${owner.id} is ${owner.kind}`] }
  }
  const reasons: string[] = []
  const fields = programFields(ctx, s, reasons)
  if (reasons.length) return { ...base, status: 'rejected', reasons }
  const existing = match(ctx, s, owner.id, str(s.name))
  if (existing) {
    const now = current(existing)
    const input: Record<string, unknown> = {}
    for (const key of Object.keys(fields) as (keyof Fields)[]) {
      if (key === 'contacts') {
        const { phoneCountry: _, ...compare } = fields.contacts as Fields['contacts'] & { phoneCountry?: string }
        if (!same(compare, now.contacts)) input.contacts = fields.contacts
      } else if (!same(fields[key], now[key])) input[key] = fields[key]
    }
    const changed = Object.keys(input)
    if (!changed.length) return { ...base, status: 'unchanged', directoryId: existing.id }
    if (!has(ctx, 'updateProgram')) return { ...base, status: 'not importable yet', reasons: ['the gateway has no updateProgram mutation'] }
    return write(ctx, base, existing.id, changed, 'mutation ($id: ID!, $v: Int!, $input: UpdateProgramInput!) { updateProgram(id: $id, expectedVersion: $v, input: $input) { id } }', { id: existing.id, v: existing.version, input }, 'updated')
  }
  if (!has(ctx, 'createProgram')) return { ...base, status: 'not importable yet', reasons: ['the gateway has no createProgram mutation'] }
  const input = { owner: { id: owner.id, kind: owner.kind }, ...fields }
  return write(ctx, base, undefined, Object.keys(input), 'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }', { input }, 'created')
}
