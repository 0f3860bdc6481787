// The program write path. Each write is one transaction: read the row, check ownership, input
// and version, then an UPDATE that only succeeds if the version is still the one read, and the
// change log in the same transaction. A stale version gets CONFLICT and nothing is written.
import { randomBytes } from 'node:crypto'
import { expectVersion, fieldChanges, versionConflict, type FieldChange } from '../common/changes.ts'
import { notFound } from '../common/errors.ts'
import type { Identity } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import type { LocalizedText } from '../common/i18n.ts'
import { Validator } from '../common/validate.ts'
import { ownerForCreate, requireOwner, requireWriter } from './access.ts'
import type { Context } from './context.ts'
import { checkProgramInput, fieldsOf, type ProgramFields, type ProgramInput } from './input.ts'
import { programRepository, type ProgramColumns, type ProgramRow } from './repository.ts'
import { searchText } from './search.ts'

const COLUMN_OF: Record<keyof ProgramFields, keyof ProgramColumns> = {
  titles: 'titles',
  descriptions: 'descriptions',
  countries: 'countries',
  focusAreas: 'focus_areas',
  harmTypes: 'harm_types',
  audiences: 'audiences',
  status: 'status',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  'contacts.website': 'website',
  'contacts.email': 'email',
  'contacts.phone': 'phone',
  'contacts.source': 'contacts_source',
}
const CONTACTS = ['contacts.website', 'contacts.email', 'contacts.phone']

const metaOf = (ctx: Context) => ({ at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org })
const entryOf = (ctx: Context, entityId: string, version: number) => ({ entityId, version, actorSub: ctx.identity.sub, actorOrg: ctx.identity.org, at: ctx.now })

/** Contacts entered without a source are attributed to whoever entered them. */
const defaultSource = (identity: Identity) => `Given by ${identity.org ?? identity.role} through the partner directory`

function columnsFor(changes: FieldChange[], current: Pick<ProgramRow, 'titles' | 'descriptions'>, at: Date): Partial<ProgramColumns> {
  const set: Partial<Record<keyof ProgramColumns, unknown>> = {}
  for (const c of changes) if (c.field in COLUMN_OF) set[COLUMN_OF[c.field as keyof ProgramFields]] = c.new
  if (set.titles || set.descriptions) {
    set.search_text = searchText([...((set.titles ?? current.titles) as LocalizedText[]), ...((set.descriptions ?? current.descriptions) as LocalizedText[])])
  }
  if (changes.some((c) => CONTACTS.includes(c.field))) set.contacts_verified_at = at
  return set as Partial<ProgramColumns>
}

// Readable ids: the English (or first Latin) title as a slug, plus a random suffix.
function newProgramId(titles: LocalizedText[]): string {
  const title = titles.find((t) => t.lang === 'en' || t.lang.startsWith('en-'))?.value ?? titles[0]?.value ?? ''
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '')
  return `${slug || 'program'}-${randomBytes(4).toString('hex')}`
}

export async function createProgram(ctx: Context, input: ProgramInput): Promise<ProgramRow> {
  const v = new Validator()
  const owner = ownerForCreate(ctx.identity, input.owner, v)
  const fields = checkProgramInput(input, null, v) as ProgramFields
  if (CONTACTS.some((f) => fields[f as keyof ProgramFields] != null) && !fields['contacts.source']) fields['contacts.source'] = defaultSource(ctx.identity)
  const changes = [{ field: 'owner', old: null, new: owner }, ...fieldChanges({}, fields)].filter(
    (c) => !(Array.isArray(c.new) && c.new.length === 0),
  )
  const set = columnsFor(fieldChanges({}, fields), { titles: [], descriptions: [] }, ctx.now)
  const values = { ...Object.fromEntries(Object.values(COLUMN_OF).map((c) => [c, null])), ...set } as ProgramColumns
  for (const list of ['descriptions', 'countries', 'focus_areas', 'harm_types', 'audiences'] as const) values[list] ??= []
  const id = newProgramId(fields.titles)
  return ctx.db.transaction(async (tx) => {
    const repo = programRepository(tx)
    const row = await repo.insert(id, owner, values, metaOf(ctx))
    await repo.recordChanges(entryOf(ctx, id, row.version), changes)
    return row
  })
}

export async function updateProgram(ctx: Context, id: string, expectedVersion: number, input: ProgramInput): Promise<ProgramRow> {
  requireWriter(ctx.identity)
  return write(ctx, requireId(id), expectedVersion, (row) => checkProgramInput(input, row))
}

export async function archiveProgram(ctx: Context, id: string, expectedVersion: number): Promise<ProgramRow> {
  requireWriter(ctx.identity)
  return write(ctx, requireId(id), expectedVersion, () => ({ status: 'ARCHIVED' }))
}

async function write(ctx: Context, id: string, expectedVersion: number, fieldsFor: (row: ProgramRow) => Partial<ProgramFields>) {
  return ctx.db.transaction(async (tx) => {
    const repo = programRepository(tx)
    const [row] = await repo.byIds([id])
    if (!row) throw notFound('program', id)
    requireOwner(ctx.identity, row)
    const fields = fieldsFor(row)
    expectVersion('program', row, expectedVersion)
    const before = fieldsOf(row)
    let changes = fieldChanges(before, fields)
    if (changes.some((c) => CONTACTS.includes(c.field)) && !('contacts.source' in fields)) {
      changes = fieldChanges(before, { ...fields, 'contacts.source': defaultSource(ctx.identity) })
    }
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    const updated = await repo.updateIfVersion(id, expectedVersion, columnsFor(changes, row, ctx.now), metaOf(ctx))
    if (!updated) throw versionConflict('program', id, expectedVersion, (await repo.currentVersion(id)) ?? expectedVersion)
    await repo.recordChanges(entryOf(ctx, id, updated.version), changes)
    return updated
  })
}
