// Service writes. Each is one transaction: read the row, check who may write it, the input and
// the version, then an UPDATE that only succeeds if the version is still the one read, and the
// change log in the same transaction. A stale version gets CONFLICT and nothing is written.
import { randomBytes } from 'node:crypto'
import { expectVersion, fieldChanges, versionConflict, type FieldChange } from '../common/changes.ts'
import { forbidden, notFound } from '../common/errors.ts'
import { isStaff, type Identity } from '../common/identity.ts'
import { isId, requireId } from '../common/ids.ts'
import type { LocalizedText } from '../common/i18n.ts'
import { Validator } from '../common/validate.ts'
import { requireOperator, requireStaffForOperator, requireUpkeeper } from './access.ts'
import type { Context } from './context.ts'
import { checkHotlineInput, fieldsOf, type Ages, type HotlineFields, type HotlineInput } from './input.ts'
import { hotlineRepository, type HotlineColumns, type HotlineRepository, type HotlineRow } from './repository.ts'
import { givenBy, has } from './texts.ts'
import { completeChanges, confirmationSource, confirmedNow, entryOf, metaOf, UNCHECKED, verifiedByAfter } from './upkeep.ts'

const COLUMN_OF: Partial<Record<keyof HotlineFields, keyof HotlineColumns>> = {
  kind: 'kind',
  names: 'names',
  descriptions: 'descriptions',
  country: 'country',
  servesCountries: 'serves',
  acceptsInternationalReports: 'international',
  operator: 'operator_id',
  languages: 'languages',
  schedule: 'schedule',
  source: 'source',
  status: 'status',
  verified: 'verified',
  verifiedAt: 'verified_at',
}

/** The service's hours: a change to them needs a new check. */
const CONTACT_FIELDS = ['schedule']

function columnsFor(changes: readonly FieldChange[]): Partial<HotlineColumns> {
  const set: Partial<Record<keyof HotlineColumns, unknown>> = {}
  for (const c of changes) {
    if (c.field === 'ages') {
      const ages = c.new as Ages | null
      Object.assign(set, { min_age: ages?.min ?? null, max_age: ages?.max ?? null, ages_note: ages?.note ?? [] })
    } else {
      const column = COLUMN_OF[c.field as keyof HotlineFields]
      if (column) set[column] = c.new
    }
  }
  return set as Partial<HotlineColumns>
}

// Readable ids: the country, the English (or first) name as a slug, and a random suffix.
function newHotlineId(country: string | null, names: LocalizedText[]): string {
  const name = names.find((t) => t.lang === 'en' || t.lang.startsWith('en-'))?.value ?? names[0]?.value ?? ''
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '')
  return `${country?.toLowerCase() ?? 'intl'}-${slug || 'service'}-${randomBytes(4).toString('hex')}`
}

/** A new service is operated by the writer's own organisation; the Secretariat names the operator (or none). */
function operatorForCreate(identity: Identity, input: HotlineInput, v: Validator): string | null {
  if (isStaff(identity)) {
    if (input.operator != null && !isId(input.operator)) v.fail('input.operator', 'is not a partner id: 1-80 lower-case letters, digits and dashes')
    return input.operator ?? null
  }
  if (has(input, 'operator') && input.operator !== identity.org) {
    throw forbidden(`You act for "${identity.org}", so the services you add are operated by it; you may not add one for "${input.operator}".`)
  }
  return identity.org
}

const harmCodesOf = async (repo: HotlineRepository) => (await repo.allHarmTypes()).map((h) => h.code)

export async function createHotline(ctx: Context, input: HotlineInput & { verified?: boolean | null }): Promise<HotlineRow> {
  requireUpkeeper(ctx.identity)
  const v = new Validator()
  const operator = operatorForCreate(ctx.identity, input, v)
  const { operator: _operator, verified, ...rest } = input
  const checked = checkHotlineInput(rest, null, await harmCodesOf(ctx.repo), v) as HotlineFields
  const fields: HotlineFields = {
    ...checked,
    operator,
    source: checked.source ?? givenBy(ctx.identity.org, ctx.identity.role),
    status: 'ACTIVE',
    ...(verified ? confirmedNow(ctx) : UNCHECKED),
  }
  const all = fieldChanges({}, fields)
  const changes = all.filter((c) => !(Array.isArray(c.new) && c.new.length === 0))
  const values = { descriptions: [], serves: [], ages_note: [], ...columnsFor(all), verified_by: verified ? ctx.identity.sub : null } as HotlineColumns
  const id = newHotlineId(fields.country, fields.names)
  return ctx.db.transaction(async (tx) => {
    const repo = hotlineRepository(tx)
    await repo.insertHotline(id, values, metaOf(ctx))
    await repo.setHarmTypes(id, fields.harmTypes)
    await repo.recordHotlineChanges(entryOf(ctx, id, 1), changes)
    return (await repo.hotlinesByIds([id]))[0]!
  })
}

export async function updateHotline(ctx: Context, id: string, expectedVersion: number, input: HotlineInput): Promise<HotlineRow> {
  requireUpkeeper(ctx.identity)
  if (has(input, 'operator')) requireStaffForOperator(ctx.identity)
  const harmCodes = await harmCodesOf(ctx.repo)
  return write(ctx, requireId(id), expectedVersion, (before) => checkHotlineInput(input, before, harmCodes))
}

export async function retireHotline(ctx: Context, id: string, expectedVersion: number): Promise<HotlineRow> {
  requireUpkeeper(ctx.identity)
  return write(ctx, requireId(id), expectedVersion, () => ({ status: 'RETIRED' }))
}

export async function confirmHotline(ctx: Context, id: string, expectedVersion: number, source?: string | null): Promise<HotlineRow> {
  requireUpkeeper(ctx.identity)
  const checked = confirmationSource(source)
  return write(ctx, requireId(id), expectedVersion, () => ({ ...confirmedNow(ctx), ...checked }), true)
}

async function write(ctx: Context, id: string, expectedVersion: number, fieldsFor: (before: HotlineFields) => Partial<HotlineFields>, confirming = false) {
  const updated = await ctx.db.transaction(async (tx) => {
    const repo = hotlineRepository(tx)
    const [row] = await repo.hotlinesByIds([id])
    if (!row) throw notFound('service', id)
    requireOperator(ctx.identity, row, `The service "${id}"`)
    const before = fieldsOf(row, (await repo.harmCodesByHotlines([id])).map((r) => r.harm_code))
    const given = fieldsFor(before)
    expectVersion('service', row, expectedVersion)
    const { changes } = completeChanges(ctx, before, given, CONTACT_FIELDS, confirming)
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    const set = { ...columnsFor(changes), ...verifiedByAfter(ctx, changes) }
    if (!(await repo.updateHotlineIfVersion(id, expectedVersion, set, metaOf(ctx)))) {
      throw versionConflict('service', id, expectedVersion, (await repo.currentHotlineVersion(id)) ?? expectedVersion)
    }
    const harm = changes.find((c) => c.field === 'harmTypes')
    if (harm) await repo.setHarmTypes(id, harm.new as string[])
    await repo.recordHotlineChanges(entryOf(ctx, id, expectedVersion + 1), changes)
    return (await repo.hotlinesByIds([id]))[0]!
  })
  ctx.loaders.hotline.clear(id).prime(id, updated)
  ctx.loaders.harmCodes.clear(id)
  return updated
}
