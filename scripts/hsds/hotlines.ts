// HSDS services marked as hotlines (profile directory_type "hotline") to the directory's hotlines:
// matched by directory_id, by the HSDS id this directory derives, or by country and English
// name; created (createHotline, then addContactChannel per channel) or updated (updateHotline
// with the fields that differ; channels it lacks are added, changed ones updated, none removed).
// An import never marks anything verified: the directory's own checks decide that.
import { hsdsId } from '../../gateway/hsds/ids.ts'
import { channelsFrom, sameChannel, type ChannelInput } from './contacts.ts'
import type { ExistingChannel, ExistingHotline } from './directory.ts'
import { hoursFrom, hoursOf } from './hours.ts'
import { arr, has, same, str, termCodes, type ImportContext, type Outcome } from './outcome.ts'
import { describe, GraphQLRequestError } from './client.ts'

const KINDS = ['REPORTING_HOTLINE', 'CHILD_HELPLINE', 'LAW_ENFORCEMENT', 'SOCIAL_WELFARE', 'EMERGENCY']
const STATUS: Record<string, string> = { active: 'ACTIVE', 'temporarily closed': 'SUSPENDED' }

const texts = (list: unknown, english: string | undefined) => [
  ...(english ? [{ lang: 'en', value: english }] : []),
  ...arr(list).map((t) => ({ lang: String(t.lang), value: String(t.value) })).filter((t) => t.lang !== 'en'),
]

function hotlineFields(ctx: ImportContext, s: Record<string, unknown>, reasons: string[]) {
  const kind = str(s.hotline_kind)
  if (!kind || !KINDS.includes(kind)) reasons.push(`hotline_kind: a hotline needs its kind (${KINDS.join(', ')})`)
  const status = STATUS[String(s.status)]
  if (!status) reasons.push(`status: "${String(s.status)}" cannot be imported for a hotline (active or temporarily closed)`)
  const country = str(s.country_code)
  const areas = arr(s.service_areas).map((a) => str(a.country_code)).filter((c): c is string => !!c)
  const hours = hoursFrom(s.schedules)
  if (typeof hours === 'string') reasons.push(hours)
  const orgId = String(s.organization_id ?? '').toLowerCase()
  const operator = orgId ? ctx.organizations.get(orgId) : undefined
  if (orgId && !operator) reasons.push(`organization_id: ${orgId} is neither a partner in the directory nor an organization imported from this file`)
  const note = str(s.eligibility_description)
  const ages = s.minimum_age != null || s.maximum_age != null || note ? { min: (s.minimum_age as number | undefined) ?? null, max: (s.maximum_age as number | undefined) ?? null, ...(note ? { notes: [{ lang: 'en', value: note }] } : {}) } : null
  return {
    kind,
    names: texts(s.name_translations, str(s.name)),
    descriptions: texts(s.description_translations, str(s.description)),
    country: country ?? null,
    servesCountries: areas.filter((c) => c !== country),
    acceptsInternationalReports: s.accepts_international_reports === true,
    operator: operator?.id ?? null,
    harmTypes: termCodes(ctx, s)['harm-types'],
    ages,
    languages: arr(s.languages).map((l) => str(l.bcp47) ?? str(l.code)).filter((t): t is string => !!t),
    schedule: typeof hours === 'string' ? null : hours,
    status,
    source: str(s.source) ?? ctx.source,
  }
}

type Fields = ReturnType<typeof hotlineFields>

const current = (h: ExistingHotline): Fields => ({
  kind: h.kind,
  names: h.names.map(({ lang, value }) => ({ lang, value })),
  descriptions: h.descriptions.map(({ lang, value }) => ({ lang, value })),
  country: h.country?.code ?? null,
  servesCountries: h.servesCountries.map((c) => c.code),
  acceptsInternationalReports: h.acceptsInternationalReports,
  operator: h.operator?.id ?? null,
  harmTypes: h.harmTypes.map((x) => x.code),
  ages: h.ages && { min: h.ages.min, max: h.ages.max, ...(h.ages.note ? { notes: [{ lang: 'en', value: h.ages.note }] } : {}) },
  languages: h.languages,
  schedule: hoursOf(h.schedule),
  status: h.status,
  source: h.source,
})

function match(ctx: ImportContext, s: Record<string, unknown>, fields: Fields) {
  const directoryId = str(s.directory_id)
  const name = str(s.name)?.toLowerCase()
  return (
    ctx.dir.hotlines.find((h) => h.id === directoryId) ??
    ctx.dir.hotlines.find((h) => hsdsId('hotline', h.id) === String(s.id).toLowerCase()) ??
    ctx.dir.hotlines.find((h) => (h.country?.code ?? null) === fields.country && h.names.some((n) => n.lang === 'en' && n.value.trim().toLowerCase() === name))
  )
}

/** What to change on an existing channel, or null when it already says the same. */
function channelChanges(c: ExistingChannel, want: ChannelInput, serviceLanguages: string[]) {
  const input: Record<string, unknown> = {}
  if ((want.labels?.[0]?.value ?? null) !== c.label) input.labels = want.labels ?? []
  if ((want.freeOfCharge ?? null) !== c.freeOfCharge) input.freeOfCharge = want.freeOfCharge ?? null
  if (!same(want.languages ?? serviceLanguages, c.languages)) input.languages = want.languages ?? serviceLanguages
  if (want.schedule && (c.scheduleInherited || !same(want.schedule, hoursOf(c.schedule)))) input.schedule = want.schedule
  if (want.source !== c.source) input.source = want.source
  if (!Object.keys(input).length) return null
  // The file's source goes with every change, or the directory would name the importer instead.
  return { ...input, source: want.source }
}

export async function importHotline(ctx: ImportContext, s: Record<string, unknown>, where: string): Promise<Outcome> {
  const base = { type: 'service' as const, where, hsdsId: String(s.id), name: str(s.name), reasons: [] as string[] }
  const reasons: string[] = []
  const warnings: string[] = []
  const fields = hotlineFields(ctx, s, reasons)
  const channels = channelsFrom(s, fields.languages, fields.source, reasons, warnings)
  if (reasons.length) return { ...base, status: 'rejected', reasons }
  const existing = match(ctx, s, fields)
  const mutations = existing ? ['updateHotline', 'addContactChannel', 'updateContactChannel'] : ['createHotline', 'addContactChannel']
  const missing = mutations.filter((m) => !has(ctx, m))
  if (missing.length) return { ...base, status: 'not importable yet', directoryId: existing?.id, reasons: [`the gateway has no ${missing.join(', ')} mutation yet`] }

  const changed: string[] = []
  const steps: { what: string; mutation: string; variables: Record<string, unknown> }[] = []
  let id = existing?.id
  if (existing) {
    const now = current(existing)
    const input = Object.fromEntries((Object.keys(fields) as (keyof Fields)[]).filter((k) => !same(fields[k], now[k])).map((k) => [k, fields[k]]))
    if (Object.keys(input).length) {
      changed.push(...Object.keys(input))
      steps.push({ what: 'the service', mutation: 'mutation ($id: ID!, $v: Int!, $input: UpdateHotlineInput!) { updateHotline(id: $id, expectedVersion: $v, input: $input) { id } }', variables: { id: existing.id, v: existing.version, input } })
    }
  }
  const adds: ChannelInput[] = []
  for (const want of channels) {
    const have = existing?.channels.find((c) => sameChannel(c, want))
    if (!have) adds.push(want)
    else {
      const input = channelChanges(have, want, fields.languages)
      if (input) {
        changed.push(`channel ${have.id}`)
        steps.push({ what: `channel ${have.id}`, mutation: 'mutation ($id: ID!, $v: Int!, $input: UpdateContactChannelInput!) { updateContactChannel(id: $id, expectedVersion: $v, input: $input) { id } }', variables: { id: have.id, v: have.version, input } })
      }
    }
  }
  if (existing && !changed.length && !adds.length) return { ...base, status: 'unchanged', directoryId: existing.id }
  const noted = warnings.length ? { warnings } : {}
  const status = existing ? 'updated' : 'created'
  const { status: _, ...createInput } = fields
  const report = [...changed, ...adds.map((c) => `new ${c.type} channel ${c.value}`)]
  if (ctx.dryRun) return { ...base, status, directoryId: id, fields: existing ? report : [...Object.keys(createInput), ...report], ...noted }
  try {
    if (!existing) {
      const data = await ctx.client<{ createHotline: { id: string } }>('mutation ($input: CreateHotlineInput!) { createHotline(input: $input) { id } }', { input: createInput })
      id = data.createHotline.id
    }
    for (const step of steps) await ctx.client(step.mutation, step.variables)
  } catch (err) {
    if (!(err instanceof GraphQLRequestError)) throw err
    return { ...base, status: 'rejected', directoryId: id, reasons: err.errors.map(describe) }
  }
  // Channels one by one: a refused channel is reported with the service written.
  const refused: string[] = []
  for (const input of adds) {
    try {
      await ctx.client('mutation ($id: ID!, $input: ContactChannelInput!) { addContactChannel(hotlineId: $id, input: $input) { id } }', { id, input })
    } catch (err) {
      if (!(err instanceof GraphQLRequestError)) throw err
      refused.push(`${input.type} channel ${input.value}: ${err.errors.map(describe).join('; ')}`)
    }
  }
  if (refused.length) return { ...base, status: 'rejected', directoryId: id, reasons: [`the service was ${status} as ${id}, but not every channel:`, ...refused] }
  return { ...base, status, directoryId: id, fields: existing ? report : [...Object.keys(createInput), ...report], ...noted }
}
