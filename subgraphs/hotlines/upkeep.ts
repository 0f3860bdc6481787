// What every service and channel write shares: who wrote it, and how verification moves. A
// confirmation sets verified and verifiedAt; a change to what people dial, open or rely on
// (a channel's number or address, its type, its hours; a service's hours) clears both until
// someone checks again, so nobody is shown an unchecked number as checked.
import type { ChangeEntry, FieldChange } from '../common/changes.ts'
import { fieldChanges } from '../common/changes.ts'
import { Validator } from '../common/validate.ts'
import type { Context } from './context.ts'
import type { WriteMeta } from './repository.ts'
import { givenBy } from './texts.ts'

export interface Verification {
  verified: boolean
  verifiedAt: Date | null
}

export const metaOf = (ctx: Context): WriteMeta => ({ at: ctx.now, by: ctx.identity.sub, org: ctx.identity.org })

export const entryOf = (ctx: Context, entityId: string, version: number): ChangeEntry => ({
  entityId,
  version,
  actorSub: ctx.identity.sub,
  actorOrg: ctx.identity.org,
  at: ctx.now,
})

export const confirmedNow = (ctx: Context): Verification => ({ verified: true, verifiedAt: ctx.now })
export const UNCHECKED: Verification = Object.freeze({ verified: false, verifiedAt: null })

/** The optional source of a confirmation, checked: where or how the record was confirmed. */
export function confirmationSource(source: string | null | undefined): { source?: string } {
  const v = new Validator()
  v.text('source', source, { required: source != null, max: 500 })
  v.throwIfInvalid()
  return source == null ? {} : { source: source.trim() }
}

const BOOKKEEPING = new Set(['status', 'verified', 'verifiedAt', 'source'])

/**
 * The changes a write makes, completed: facts changed without a source are attributed to the
 * writer, and a change to any of `contactFields` clears verification (unless the write is the
 * confirmation itself).
 */
export function completeChanges<F extends Verification & { source: string }>(
  ctx: Context,
  before: F,
  fields: Partial<F>,
  contactFields: readonly string[],
  confirming: boolean,
): { changes: FieldChange[]; fields: Partial<F> } {
  let all: Partial<F> = { ...fields }
  const first = fieldChanges(before, all)
  if (!('source' in fields) && first.some((c) => !BOOKKEEPING.has(c.field))) all = { ...all, source: givenBy(ctx.identity.org, ctx.identity.role) }
  if (!confirming && first.some((c) => contactFields.includes(c.field))) all = { ...all, ...UNCHECKED }
  return { changes: fieldChanges(before, all), fields: all }
}

/** Who confirmed: the confirming writer, or nobody once a change clears the verification. */
export function verifiedByAfter(ctx: Context, changes: readonly FieldChange[]): { verified_by?: string | null } {
  if (!changes.some((c) => c.field === 'verified' || c.field === 'verifiedAt')) return {}
  const cleared = changes.some((c) => c.field === 'verifiedAt' && c.new === null)
  return { verified_by: cleared ? null : ctx.identity.sub }
}
