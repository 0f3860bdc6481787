// The project write path. Each write is one transaction: read the row, check who is asking, the
// input and the version, then an UPDATE that only succeeds if the version is still the one read,
// and the change log in the same transaction. A stale version gets CONFLICT and nothing is written.
import { randomBytes } from 'node:crypto'
import { expectVersion, fieldChanges, versionConflict } from '../common/changes.ts'
import { notFound } from '../common/errors.ts'
import type { Identity } from '../common/identity.ts'
import { isId, requireId } from '../common/ids.ts'
import type { LocalizedText } from '../common/i18n.ts'
import { Validator } from '../common/validate.ts'
import { agencyForCreate, requireOwner } from './access.ts'
import type { Context } from './context.ts'
import { checkProjectInput, fieldsOf, type ProjectFields, type ProjectInput } from './input.ts'
import { unAgencyRepository, type ProjectColumns, type ProjectRow } from './repository.ts'

const COLUMN_OF: Record<keyof ProjectFields, keyof ProjectColumns> = {
  titles: 'titles',
  summaries: 'summaries',
  countries: 'countries',
  focusAreas: 'focus_areas',
  startedOn: 'started_on',
  endedOn: 'ended_on',
  status: 'status',
  source: 'source',
}

const metaOf = (ctx: Context) => ({ at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org })
const entryOf = (ctx: Context, entityId: string, version: number) => ({ entityId, version, actorSub: ctx.identity.sub, actorOrg: ctx.identity.org, at: ctx.now })

/** A project entered without a source is attributed to whoever entered it. */
const defaultSource = (identity: Identity) => `Given by ${identity.org ?? identity.role} through the partner directory`

const columnsOf = (fields: Partial<ProjectFields>) =>
  Object.fromEntries(Object.entries(fields).map(([field, value]) => [COLUMN_OF[field as keyof ProjectFields], value])) as Partial<ProjectColumns>

// Readable ids: the English (or first) title as a slug, plus a random suffix.
function newProjectId(titles: LocalizedText[]): string {
  const title = titles.find((t) => t.lang === 'en' || t.lang.startsWith('en-'))?.value ?? titles[0]?.value ?? ''
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '')
  return `${slug || 'project'}-${randomBytes(4).toString('hex')}`
}

export async function createProject(ctx: Context, input: ProjectInput): Promise<ProjectRow> {
  const agency = agencyForCreate(ctx.identity, input.agency)
  const v = new Validator()
  if (agency === null) v.fail('input.agency', 'is required: name the UN agency the project belongs to')
  else if (!isId(agency)) v.fail('input.agency', 'is not a partner id: 1-80 lower-case letters, digits and dashes')
  const fields = checkProjectInput(input, null, v) as ProjectFields
  v.throwIfInvalid()
  fields.source ??= defaultSource(ctx.identity)
  const id = newProjectId(fields.titles)
  const changes = [{ field: 'agency', old: null, new: agency }, ...fieldChanges({}, fields)].filter((c) => !(Array.isArray(c.new) && c.new.length === 0))
  return ctx.db.transaction(async (tx) => {
    const repo = unAgencyRepository(tx)
    await repo.ensureAgency(agency!)
    const row = await repo.insertProject(id, agency!, columnsOf(fields) as ProjectColumns, metaOf(ctx))
    await repo.recordChanges(entryOf(ctx, id, row.version), changes)
    return row
  })
}

export async function updateProject(ctx: Context, id: string, expectedVersion: number, input: ProjectInput): Promise<ProjectRow> {
  return write(ctx, requireId(id), expectedVersion, (row) => {
    const v = new Validator()
    const fields = checkProjectInput(input, row, v)
    v.throwIfInvalid()
    if ('source' in fields && fields.source === null) fields.source = defaultSource(ctx.identity)
    return fields
  })
}

export async function retireProject(ctx: Context, id: string, expectedVersion: number): Promise<ProjectRow> {
  return write(ctx, requireId(id), expectedVersion, () => ({ status: 'RETIRED' }))
}

async function write(ctx: Context, id: string, expectedVersion: number, fieldsFor: (row: ProjectRow) => Partial<ProjectFields>) {
  return ctx.db.transaction(async (tx) => {
    const repo = unAgencyRepository(tx)
    const [row] = await repo.projectsByIds([id])
    if (!row) throw notFound('technical-assistance project', id)
    requireOwner(ctx.identity, row)
    const fields = fieldsFor(row)
    expectVersion('technical-assistance project', row, expectedVersion)
    const changes = fieldChanges(fieldsOf(row), fields)
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    const changed = Object.fromEntries(changes.map((c) => [c.field, c.new])) as Partial<ProjectFields>
    const updated = await repo.updateProjectIfVersion(id, expectedVersion, columnsOf(changed), metaOf(ctx))
    if (!updated) throw versionConflict('technical-assistance project', id, expectedVersion, (await repo.projectVersion(id)) ?? expectedVersion)
    await repo.recordChanges(entryOf(ctx, id, updated.version), changes)
    return updated
  })
}
