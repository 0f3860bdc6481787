// The route write path. Each write is one transaction: read the route, check who is asking, the
// input and the version, then an UPDATE that only succeeds if the version is still the one read,
// and the change log in the same transaction. A write to the route's contents is vouched for by
// its writer, so it also marks the route as checked now.
import { expectVersion, fieldChanges, versionConflict } from '../common/changes.ts'
import { clientError, notFound } from '../common/errors.ts'
import type { Identity } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { Validator } from '../common/validate.ts'
import { requireWriter } from './access.ts'
import type { Context } from './context.ts'
import { checkRouteInput, fieldsOf, type RouteFields, type RouteInput } from './input.ts'
import { techCompanyRepository, type RouteColumns, type RouteRow } from './repository.ts'

const metaOf = (ctx: Context) => ({ at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org })
const entryOf = (ctx: Context, entityId: string, version: number) => ({ entityId, version, actorSub: ctx.identity.sub, actorOrg: ctx.identity.org, at: ctx.now })

/** A route entered without a source is attributed to whoever entered it. */
const defaultSource = (identity: Identity) => `Given by ${identity.org ?? identity.role} through the partner directory`

function checked(ctx: Context, input: RouteInput, current: RouteRow | null): Partial<RouteFields> {
  const v = new Validator()
  const fields = checkRouteInput(input, current, v)
  v.throwIfInvalid()
  if ('source' in fields && fields.source === null) fields.source = defaultSource(ctx.identity)
  return fields
}

export async function createLawEnforcementRoute(ctx: Context, companyId: string, input: RouteInput): Promise<RouteRow> {
  requireWriter(ctx.identity, requireId(companyId, 'companyId'))
  const fields = checked(ctx, input, null) as RouteFields
  return ctx.db.transaction(async (tx) => {
    const repo = techCompanyRepository(tx)
    const values: RouteColumns = { ...fields, source: fields.source!, verified_at: ctx.now }
    await repo.ensureCompany(companyId)
    const row = await repo.insertRoute(companyId, values, metaOf(ctx))
    if (!row) {
      const current = (await repo.routeVersion(companyId)) ?? 1
      throw clientError('CONFLICT', `"${companyId}" already has a law-enforcement route (version ${current}): change it with updateLawEnforcementRoute.`, { id: companyId, currentVersion: current })
    }
    await repo.recordChanges(entryOf(ctx, companyId, row.version), fieldChanges({}, fields))
    return row
  })
}

export async function updateLawEnforcementRoute(ctx: Context, companyId: string, expectedVersion: number, input: RouteInput): Promise<RouteRow> {
  return write(ctx, companyId, expectedVersion, (row) => checked(ctx, input, row))
}

export async function retireLawEnforcementRoute(ctx: Context, companyId: string, expectedVersion: number): Promise<RouteRow> {
  return write(ctx, companyId, expectedVersion, () => ({ status: 'RETIRED' }))
}

async function write(ctx: Context, companyId: string, expectedVersion: number, fieldsFor: (row: RouteRow) => Partial<RouteFields>) {
  requireWriter(ctx.identity, requireId(companyId, 'companyId'))
  return ctx.db.transaction(async (tx) => {
    const repo = techCompanyRepository(tx)
    const [row] = await repo.routesByCompanies([companyId])
    if (!row) throw notFound('law-enforcement route for the company', companyId)
    const fields = fieldsFor(row)
    expectVersion('law-enforcement route of', { id: companyId, version: row.version }, expectedVersion)
    const changes = fieldChanges(fieldsOf(row), fields)
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    const set = Object.fromEntries(changes.map((c) => [c.field, c.new])) as Partial<RouteColumns>
    if (changes.some((c) => c.field !== 'status')) set.verified_at = ctx.now
    const updated = await repo.updateRouteIfVersion(companyId, expectedVersion, set, metaOf(ctx))
    if (!updated) throw versionConflict('law-enforcement route of', companyId, expectedVersion, (await repo.routeVersion(companyId)) ?? expectedVersion)
    await repo.recordChanges(entryOf(ctx, companyId, updated.version), changes)
    return updated
  })
}
