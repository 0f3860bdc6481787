// Contact-channel writes, on the same pattern as the service writes: one transaction each,
// ownership from the channel's service, every input violation at once, optimistic concurrency,
// and the change log written with the change. A new number, address, type or hours clears the
// channel's verification until someone confirms it again.
import { randomBytes } from 'node:crypto'
import { expectVersion, fieldChanges, versionConflict, type FieldChange } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'
import { notFound } from '../common/errors.ts'
import { requireId } from '../common/ids.ts'
import { requireOperator, requireUpkeeper } from './access.ts'
import { checkChannelInput, channelFieldsOf, CONTACT_FIELDS, type ChannelFields, type ChannelInput } from './channel-input.ts'
import type { ChannelValue } from './contacts.ts'
import type { Context } from './context.ts'
import { hotlineRepository, type ChannelColumns, type ChannelRow } from './repository.ts'
import { givenBy } from './texts.ts'
import { completeChanges, confirmationSource, confirmedNow, entryOf, metaOf, UNCHECKED, verifiedByAfter } from './upkeep.ts'

const COLUMN_OF: Record<keyof ChannelFields, keyof ChannelColumns> = {
  type: 'type',
  value: 'value',
  dialableIn: 'dialable_in',
  labels: 'labels',
  languages: 'languages',
  visibility: 'visibility',
  freeOfCharge: 'free_of_charge',
  schedule: 'schedule',
  scheduleInherited: 'inherits_schedule',
  source: 'source',
  status: 'status',
  verified: 'verified',
  verifiedAt: 'verified_at',
}

function columnsFor(changes: readonly FieldChange[], normalised: ChannelValue | null): Partial<ChannelColumns> {
  const set: Partial<Record<keyof ChannelColumns, unknown>> = {}
  for (const c of changes) set[COLUMN_OF[c.field as keyof ChannelFields]] = c.new
  // How the value is shown follows the value.
  if (normalised && (set.value !== undefined || set.type !== undefined || set.dialable_in !== undefined)) {
    Object.assign(set, { display: normalised.display, e164: normalised.e164 })
  }
  return set as Partial<ChannelColumns>
}

const channelId = (hotlineId: string, type: string) => `${hotlineId.slice(0, 60)}-${type.toLowerCase().replace(/_/g, '-')}-${randomBytes(3).toString('hex')}`

const reload = async (tx: Queryable, id: string): Promise<ChannelRow> => (await hotlineRepository(tx).channelsByIds([id]))[0]!

export async function addContactChannel(ctx: Context, hotlineId: string, input: ChannelInput): Promise<ChannelRow> {
  requireUpkeeper(ctx.identity)
  const row = await ctx.db.transaction(async (tx) => {
    const repo = hotlineRepository(tx)
    const [hotline] = await repo.hotlinesByIds([requireId(hotlineId, 'hotlineId')])
    if (!hotline) throw notFound('service', hotlineId)
    requireOperator(ctx.identity, hotline, `The service "${hotline.id}"`)
    const { verified, ...rest } = input
    const { fields: checked, normalised } = checkChannelInput(rest, null, hotline.country ?? hotline.serves[0] ?? null)
    const fields = {
      ...checked,
      source: checked.source ?? givenBy(ctx.identity.org, ctx.identity.role),
      status: 'ACTIVE',
      ...(verified ? confirmedNow(ctx) : UNCHECKED),
    } as ChannelFields
    const all = fieldChanges({}, fields)
    const id = channelId(hotline.id, fields.type)
    const values = { labels: [], languages: [], schedule: null, ...columnsFor(all, normalised), verified_by: verified ? ctx.identity.sub : null } as ChannelColumns
    await repo.insertChannel(id, hotline.id, values, metaOf(ctx))
    await repo.recordChannelChanges(entryOf(ctx, id, 1), all.filter((c) => !(Array.isArray(c.new) && c.new.length === 0)))
    return reload(tx, id)
  })
  ctx.loaders.channel.prime(row.id, row)
  return row
}

export async function updateContactChannel(ctx: Context, id: string, expectedVersion: number, input: ChannelInput): Promise<ChannelRow> {
  requireUpkeeper(ctx.identity)
  return write(ctx, requireId(id), expectedVersion, (row) => checkChannelInput(input, row, row.service_country))
}

export async function retireContactChannel(ctx: Context, id: string, expectedVersion: number): Promise<ChannelRow> {
  requireUpkeeper(ctx.identity)
  return write(ctx, requireId(id), expectedVersion, () => ({ fields: { status: 'RETIRED' }, normalised: null }))
}

export async function confirmContactChannel(ctx: Context, id: string, expectedVersion: number, source?: string | null): Promise<ChannelRow> {
  requireUpkeeper(ctx.identity)
  const checked = confirmationSource(source)
  return write(ctx, requireId(id), expectedVersion, () => ({ fields: { ...confirmedNow(ctx), ...checked }, normalised: null }), true)
}

type FieldsFor = (row: ChannelRow) => { fields: Partial<ChannelFields>; normalised: ChannelValue | null }

async function write(ctx: Context, id: string, expectedVersion: number, fieldsFor: FieldsFor, confirming = false): Promise<ChannelRow> {
  const updated = await ctx.db.transaction(async (tx) => {
    const repo = hotlineRepository(tx)
    const [row] = await repo.channelsByIds([id])
    if (!row) throw notFound('contact channel', id)
    requireOperator(ctx.identity, row, `The contact channel "${id}" (of the service "${row.hotline_id}")`)
    const { fields, normalised } = fieldsFor(row)
    expectVersion('contact channel', row, expectedVersion)
    const { changes } = completeChanges(ctx, channelFieldsOf(row), fields, CONTACT_FIELDS, confirming)
    // Nothing differs: nothing to write or log, and the version stays.
    if (changes.length === 0) return row
    const set = { ...columnsFor(changes, normalised), ...verifiedByAfter(ctx, changes) }
    if (!(await repo.updateChannelIfVersion(id, expectedVersion, set, metaOf(ctx)))) {
      throw versionConflict('contact channel', id, expectedVersion, (await repo.currentChannelVersion(id)) ?? expectedVersion)
    }
    await repo.recordChannelChanges(entryOf(ctx, id, expectedVersion + 1), changes)
    return reload(tx, id)
  })
  ctx.loaders.channel.clear(id).prime(id, updated)
  return updated
}
