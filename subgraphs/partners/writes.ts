// The registry's write path. Each write is one transaction: read the row, check who is asking,
// the input and the version, then an UPDATE that only succeeds if the version is still the one
// read, and the change log in the same transaction. A stale version gets CONFLICT and nothing
// is written; so does any invalid input, with every violation listed.
import { expectVersion, fieldChanges, versionConflict } from '../common/changes.ts'
import { forbidden, invalidInput } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import type { LocalizedText } from '../common/i18n.ts'
import { Validator } from '../common/validate.ts'
import { requireEditable, requireStaff } from './access.ts'
import type { Context } from './context.ts'
import { checkPartnerInput, fieldsOf, partnerId, PROFILE_INPUTS, type PartnerFields, type PartnerInput } from './input.ts'
import { partnerRepository, type PartnerColumns, type PartnerKind, type PartnerRow } from './repository.ts'

const COLUMN_OF: Record<keyof PartnerFields, keyof PartnerColumns> = {
  kind: 'kind',
  names: 'names',
  descriptions: 'descriptions',
  scope: 'scope',
  countries: 'countries',
  headquarters: 'headquarters',
  website: 'website',
  focusAreas: 'focus_areas',
  status: 'status',
  'verification.verified': 'verified',
  'verification.verifiedAt': 'verified_at',
  'verification.verifiedBy': 'verified_by',
  'verification.source': 'source',
}

const metaOf = (ctx: Context) => ({ at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org })
const entryOf = (ctx: Context, entityId: string, version: number) => ({ entityId, version, actorSub: ctx.identity.sub, actorOrg: ctx.identity.org, at: ctx.now })
/** Verification names the organisation that vouched, not the person (that is in the change log). */
const verifierOf = (ctx: Context) => ctx.identity.org ?? ctx.identity.role

const englishName = (names: LocalizedText[]) => (names.find((t) => t.lang === 'en' || t.lang.startsWith('en-')) ?? names[0])?.value ?? ''

function columnsFor(fields: Partial<PartnerFields>, current: Pick<PartnerRow, 'names' | 'descriptions'>): Partial<PartnerColumns> {
  const set: Partial<Record<keyof PartnerColumns, unknown>> = {}
  for (const [field, value] of Object.entries(fields)) set[COLUMN_OF[field as keyof PartnerFields]] = value
  if (fields.names || fields.descriptions) {
    const names = fields.names ?? current.names
    set.sort_name = englishName(names).toLowerCase()
    set.search_text = [...names, ...(fields.descriptions ?? current.descriptions)].map((t) => t.value).join(' ').toLowerCase()
  }
  return set as Partial<PartnerColumns>
}

/**
 * Tech companies are verified in a step of their own (verifyTechCompany), because a verified
 * company may read restricted escalation contacts; any other partner is vouched for by the
 * Secretariat registering it.
 */
function verificationFor(ctx: Context, kind: PartnerKind): Partial<PartnerFields> {
  if (kind === 'TECH_COMPANY') return { 'verification.verified': false, 'verification.verifiedAt': null, 'verification.verifiedBy': null }
  return { 'verification.verified': true, 'verification.verifiedAt': ctx.now, 'verification.verifiedBy': verifierOf(ctx) }
}

export async function registerPartner(ctx: Context, input: PartnerInput): Promise<PartnerRow> {
  requireStaff(ctx.identity, 'register partners')
  const v = new Validator()
  const fields = checkPartnerInput(input, null, v) as PartnerFields
  const id = partnerId(input, fields.names, v)
  Object.assign(fields, verificationFor(ctx, fields.kind))
  const taken = { path: 'input.id', message: `"${id}" is already registered: choose another id` }
  return ctx.db.transaction(async (tx) => {
    const repo = partnerRepository(tx)
    if (id && (await repo.byIds([id])).length > 0) v.violations.push(taken)
    v.throwIfInvalid()
    const values = columnsFor(fields, { names: [], descriptions: [] }) as PartnerColumns
    const row = await repo.insert(id, values, metaOf(ctx))
    // Someone registered the same id between our read and our insert.
    if (!row) throw invalidInput([taken])
    const changes = fieldChanges({}, fields).filter((c) => !(Array.isArray(c.new) && c.new.length === 0))
    await repo.recordChanges(entryOf(ctx, id, row.version), changes)
    return row
  })
}

export async function updatePartner(ctx: Context, id: string, expectedVersion: number, input: PartnerInput): Promise<PartnerRow> {
  return write(ctx, requireId(id), expectedVersion, (row) => {
    if (!isStaff(ctx.identity)) {
      const secretariatOnly = Object.keys(input).filter((key) => !PROFILE_INPUTS.includes(key as keyof PartnerInput))
      if (secretariatOnly.length) {
        throw forbidden(
          `${secretariatOnly.map((k) => `input.${k}`).join(', ')}: kept by the ASEAN Secretariat. A partner's own staff change its names, descriptions and website.`,
        )
      }
    }
    const v = new Validator()
    const fields = checkPartnerInput(input, row, v)
    v.throwIfInvalid()
    // A new kind is vouched for again, as at registration.
    return fields.kind && fields.kind !== row.kind ? { ...fields, ...verificationFor(ctx, fields.kind) } : fields
  })
}

export async function retirePartner(ctx: Context, id: string, expectedVersion: number): Promise<PartnerRow> {
  requireStaff(ctx.identity, 'retire partners')
  return write(ctx, requireId(id), expectedVersion, () => ({ status: 'RETIRED' }))
}

export async function verifyTechCompany(ctx: Context, id: string, expectedVersion: number, verified: boolean, source: string | null | undefined) {
  requireStaff(ctx.identity, 'verify tech companies')
  return write(ctx, requireId(id), expectedVersion, (row) => {
    const v = new Validator()
    if (row.kind !== 'TECH_COMPANY') v.fail('id', `"${row.id}" is a ${row.kind} partner: only tech companies are verified here`)
    if (verified && source == null) v.fail('source', 'is required when verifying: say what the verification rests on')
    v.text('source', source, { max: 300 })
    v.throwIfInvalid()
    const fields: Partial<PartnerFields> = verified
      ? { 'verification.verified': true, 'verification.verifiedAt': ctx.now, 'verification.verifiedBy': verifierOf(ctx) }
      : { 'verification.verified': false, 'verification.verifiedAt': null, 'verification.verifiedBy': null }
    if (source != null) fields['verification.source'] = source.trim()
    return fields
  })
}

async function write(ctx: Context, id: string, expectedVersion: number, fieldsFor: (row: PartnerRow) => Partial<PartnerFields>) {
  return ctx.db.transaction(async (tx) => {
    const repo = partnerRepository(tx)
    const [found] = await repo.byIds([id])
    const row = requireEditable(ctx.identity, id, found)
    const fields = fieldsFor(row)
    expectVersion('partner', row, expectedVersion)
    const changes = fieldChanges(fieldsOf(row), fields)
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    const changed = Object.fromEntries(changes.map((c) => [c.field, c.new])) as Partial<PartnerFields>
    const updated = await repo.updateIfVersion(id, expectedVersion, columnsFor(changed, row), metaOf(ctx))
    if (!updated) throw versionConflict('partner', id, expectedVersion, (await repo.currentVersion(id)) ?? expectedVersion)
    await repo.recordChanges(entryOf(ctx, id, updated.version), changes)
    return updated
  })
}
