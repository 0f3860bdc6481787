// The agency write path: an agency's own staff and the Secretariat keep its mandate current;
// the Secretariat retires it. Each write is one transaction: read the row, check who is asking,
// the input and the version, then an UPDATE that only succeeds if the version is still the one
// read, and the change log in the same transaction.
import { expectVersion, fieldChanges, versionConflict } from '../common/changes.ts'
import { clientError, forbidden, invalidInput } from '../common/errors.ts'
import { isStaff, type Identity } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { Validator } from '../common/validate.ts'
import { requireEditable } from './access.ts'
import type { Context } from './context.ts'
import { checkMandateInput, checkRecordInput, type AgencyFields, type MandateInput, type RecordInput } from './input.ts'
import { governmentRepository, type AgencyColumns, type AgencyRow } from './repository.ts'

const COLUMN_OF: Record<keyof AgencyFields, keyof AgencyColumns> = { mandates: 'mandates', mandateSource: 'mandate_source', retiredAt: 'retired_at' }

const fieldsOf = (row: AgencyRow): AgencyFields => ({ mandates: row.mandates, mandateSource: row.mandate_source, retiredAt: row.retired_at })

/** A mandate entered without a source is attributed to whoever entered it. */
const defaultSource = (identity: Identity) => `Given by ${identity.org ?? identity.role} through the partner directory`

export async function updateAgencyMandate(ctx: Context, id: string, expectedVersion: number, input: MandateInput): Promise<AgencyRow> {
  return write(ctx, requireId(id), expectedVersion, (row) => {
    const v = new Validator()
    const fields = checkMandateInput(input, v)
    v.throwIfInvalid()
    const changesMandate = fields.mandates !== undefined && fieldChanges(fieldsOf(row), { mandates: fields.mandates }).length > 0
    if (changesMandate && !('mandateSource' in fields)) fields.mandateSource = defaultSource(ctx.identity)
    return fields
  })
}

export async function retireGovernmentAgency(ctx: Context, id: string, expectedVersion: number, retired: boolean): Promise<AgencyRow> {
  if (!isStaff(ctx.identity)) throw forbidden('Only the ASEAN Secretariat may retire or restore a government agency.')
  return write(ctx, requireId(id), expectedVersion, (row) => ({ retiredAt: retired ? (row.retired_at ?? ctx.now) : null }))
}

/** The details of a government partner registered without them: version 1, logged field by field. */
export async function recordGovernmentAgency(ctx: Context, id: string, input: RecordInput): Promise<AgencyRow> {
  if (!isStaff(ctx.identity)) throw forbidden('Only the ASEAN Secretariat records the details of a new government agency.')
  requireId(id)
  const v = new Validator()
  const fields = checkRecordInput(input, v)
  v.throwIfInvalid()
  const mandateSource = fields.mandates.length > 0 && fields.mandateSource === null ? defaultSource(ctx.identity) : fields.mandateSource
  return ctx.db.transaction(async (tx) => {
    const repo = governmentRepository(tx)
    if (fields.parentBody !== null && (await repo.agenciesByIds([fields.parentBody])).length === 0) {
      throw invalidInput([{ path: 'input.parentBody', message: `no agency "${fields.parentBody}" is recorded here` }])
    }
    const meta = { at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org }
    const row = { id, agency_type: fields.agencyType, mandates: fields.mandates, mandate_source: mandateSource, parent_id: fields.parentBody, jurisdiction: fields.jurisdiction, specialised: fields.specialised }
    const inserted = await repo.insertAgency(row, meta)
    if (!inserted) {
      const current = (await repo.agencyVersion(id)) ?? 1
      throw clientError('CONFLICT', `The details of "${id}" are recorded already (version ${current}); change its mandate with updateAgencyMandate.`, { id, currentVersion: current })
    }
    const recorded = { agencyType: row.agency_type, jurisdiction: row.jurisdiction, parentBody: row.parent_id, specialised: row.specialised, mandates: row.mandates, mandateSource: row.mandate_source }
    await repo.recordChanges({ entityId: id, version: 1, actorSub: meta.by, actorOrg: meta.org, at: ctx.now }, fieldChanges({}, recorded))
    return inserted
  })
}

async function write(ctx: Context, id: string, expectedVersion: number, fieldsFor: (row: AgencyRow) => Partial<AgencyFields>) {
  return ctx.db.transaction(async (tx) => {
    const repo = governmentRepository(tx)
    const [found] = await repo.agenciesByIds([id])
    const row = requireEditable(ctx.identity, id, found)
    const fields = fieldsFor(row)
    expectVersion('government agency', row, expectedVersion)
    const changes = fieldChanges(fieldsOf(row), fields)
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    const set = Object.fromEntries(changes.map((c) => [COLUMN_OF[c.field as keyof AgencyFields], c.new])) as Partial<AgencyColumns>
    const meta = { at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org }
    const updated = await repo.updateAgencyIfVersion(id, expectedVersion, set, meta)
    if (!updated) throw versionConflict('government agency', id, expectedVersion, (await repo.agencyVersion(id)) ?? expectedVersion)
    await repo.recordChanges({ entityId: id, version: updated.version, actorSub: meta.by, actorOrg: meta.org, at: ctx.now }, changes)
    return updated
  })
}
