// Resource writes. Each is one transaction: read the row, check who may write it, the input and
// the version, then an UPDATE that only succeeds if the version is still the one read, and the
// change log in the same transaction. A stale version gets CONFLICT and nothing is written. A
// new address (url) clears the resource's verification until someone confirms it again.
import { randomBytes } from 'node:crypto'
import { expectVersion, fieldChanges, versionConflict, type FieldChange } from '../common/changes.ts'
import { forbidden, notFound } from '../common/errors.ts'
import { isStaff, type Identity } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import type { LocalizedText } from '../common/i18n.ts'
import { Validator } from '../common/validate.ts'
import { requirePublisher, requireStaffForPublisher, requireUpkeeper } from './access.ts'
import type { Context } from './context.ts'
import { checkResourceInput, fieldsOf, has, type ResourceFields, type ResourceInput } from './input.ts'
import { resourceRepository, type ResourceColumns, type ResourceRow } from './repository.ts'

const COLUMN_OF: Record<keyof ResourceFields, keyof ResourceColumns> = {
  kind: 'kind',
  titles: 'titles',
  summaries: 'summaries',
  url: 'url',
  languages: 'languages',
  audiences: 'audiences',
  focusAreas: 'focus_areas',
  harmTypes: 'harm_types',
  countries: 'countries',
  publisher: 'publisher',
  copublishers: 'copublishers',
  publishedOn: 'published_on',
  publishedYear: 'published_year',
  source: 'source',
  status: 'status',
  verified: 'verified',
  verifiedAt: 'verified_at',
}
const BOOKKEEPING = new Set(['status', 'verified', 'verifiedAt', 'source'])

const metaOf = (ctx: Context) => ({ at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org })
const entryOf = (ctx: Context, entityId: string, version: number) => ({ entityId, version, actorSub: ctx.identity.sub, actorOrg: ctx.identity.org, at: ctx.now })
const givenBy = (identity: Identity) => `Given by ${identity.org ?? identity.role} through the partner directory`

function columnsFor(changes: readonly FieldChange[], ctx: Context): Partial<ResourceColumns> {
  const set: Partial<Record<keyof ResourceColumns, unknown>> = {}
  for (const c of changes) set[COLUMN_OF[c.field as keyof ResourceFields]] = c.new
  // Who confirmed: the confirming writer, or nobody once a change clears the verification.
  const verifiedAt = changes.find((c) => c.field === 'verifiedAt')
  if (verifiedAt) set.verified_by = verifiedAt.new === null ? null : ctx.identity.sub
  return set as Partial<ResourceColumns>
}

// Readable ids: the English (or first) title as a slug, plus a random suffix.
function newResourceId(titles: LocalizedText[]): string {
  const title = titles.find((t) => t.lang === 'en' || t.lang.startsWith('en-'))?.value ?? titles[0]?.value ?? ''
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '')
  return `${slug || 'resource'}-${randomBytes(4).toString('hex')}`
}

/** A new resource is published by the writer's own organisation; the Secretariat names the publisher. */
function publisherForCreate(identity: Identity, input: ResourceInput, v: Validator): string | null {
  if (isStaff(identity)) {
    if (input.publisher == null) v.fail('input.publisher', 'is required: name the lead publisher (a partner id)')
    return input.publisher ?? null
  }
  if (has(input, 'publisher') && input.publisher !== identity.org) {
    throw forbidden(`You act for "${identity.org}", so the resources you add are published by it; you may not add one for "${input.publisher}".`)
  }
  return identity.org
}

export async function createResource(ctx: Context, input: ResourceInput & { verified?: boolean | null }): Promise<ResourceRow> {
  requireUpkeeper(ctx.identity)
  const v = new Validator()
  const { verified, ...rest } = input
  const publisher = publisherForCreate(ctx.identity, rest, v)
  const checked = checkResourceInput({ ...rest, ...(publisher ? { publisher } : {}) }, null, v) as ResourceFields
  const fields: ResourceFields = {
    ...checked,
    source: checked.source ?? givenBy(ctx.identity),
    status: 'PUBLISHED',
    verified: verified === true,
    verifiedAt: verified ? ctx.now : null,
  }
  const all = fieldChanges({}, fields)
  const values = { summaries: [], languages: [], audiences: [], focus_areas: [], harm_types: [], countries: [], copublishers: [], ...columnsFor(all, ctx) } as ResourceColumns
  const id = newResourceId(fields.titles)
  return ctx.db.transaction(async (tx) => {
    const repo = resourceRepository(tx)
    await repo.insert(id, values, metaOf(ctx))
    await repo.recordChanges(entryOf(ctx, id, 1), all.filter((c) => !(Array.isArray(c.new) && c.new.length === 0)))
    return (await repo.byIds([id]))[0]!
  })
}

export async function updateResource(ctx: Context, id: string, expectedVersion: number, input: ResourceInput): Promise<ResourceRow> {
  requireUpkeeper(ctx.identity)
  if (has(input, 'publisher')) requireStaffForPublisher(ctx.identity)
  return write(ctx, requireId(id), expectedVersion, (before) => checkResourceInput(input, before))
}

export async function retireResource(ctx: Context, id: string, expectedVersion: number): Promise<ResourceRow> {
  requireUpkeeper(ctx.identity)
  return write(ctx, requireId(id), expectedVersion, () => ({ status: 'RETIRED' }))
}

export async function confirmResource(ctx: Context, id: string, expectedVersion: number, source?: string | null): Promise<ResourceRow> {
  requireUpkeeper(ctx.identity)
  const v = new Validator()
  v.text('source', source, { required: source != null, max: 500 })
  v.throwIfInvalid()
  const given = source == null ? {} : { source: source.trim() }
  return write(ctx, requireId(id), expectedVersion, () => ({ verified: true, verifiedAt: ctx.now, ...given }), true)
}

async function write(ctx: Context, id: string, expectedVersion: number, fieldsFor: (before: ResourceFields) => Partial<ResourceFields>, confirming = false) {
  const updated = await ctx.db.transaction(async (tx) => {
    const repo = resourceRepository(tx)
    const [row] = await repo.byIds([id])
    if (!row) throw notFound('resource', id)
    requirePublisher(ctx.identity, row)
    const before = fieldsOf(row)
    let fields = fieldsFor(before)
    expectVersion('resource', row, expectedVersion)
    const first = fieldChanges(before, fields)
    // Facts given without a source are attributed to the writer; a new address needs a new check.
    if (!('source' in fields) && first.some((c) => !BOOKKEEPING.has(c.field))) fields = { ...fields, source: givenBy(ctx.identity) }
    if (!confirming && first.some((c) => c.field === 'url')) fields = { ...fields, verified: false, verifiedAt: null }
    const changes = fieldChanges(before, fields)
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    if (!(await repo.updateIfVersion(id, expectedVersion, columnsFor(changes, ctx), metaOf(ctx)))) {
      throw versionConflict('resource', id, expectedVersion, (await repo.currentVersion(id)) ?? expectedVersion)
    }
    await repo.recordChanges(entryOf(ctx, id, expectedVersion + 1), changes)
    return (await repo.byIds([id]))[0]!
  })
  ctx.loaders.resource.clear(id).prime(id, updated)
  return updated
}
