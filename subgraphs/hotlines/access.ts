// Who may change and audit which service. The gateway lets any partner organisation's staff
// through to the write path (ownerOrStaff); only here, with the row in hand, can "this
// organisation operates this service" be decided.
import { forbidden } from '../common/errors.ts'
import { isPartner, isStaff, mayReadRestricted, type Identity } from '../common/identity.ts'
import type { Visibility } from './contacts.ts'
import type { ChannelRow, HotlineRow } from './repository.ts'

type Operated = Pick<HotlineRow, 'operator_id'>

export const operates = (identity: Identity, row: Operated) =>
  isPartner(identity) && identity.org !== null && row.operator_id !== null && identity.org === row.operator_id

/** The operator's staff and the Secretariat: retired records, change logs, who confirmed. */
export const mayAudit = (identity: Identity, row: Operated) => isStaff(identity) || operates(identity, row)

export const hotlineVisible = (identity: Identity, row: HotlineRow) => row.status !== 'RETIRED' || mayAudit(identity, row)

export function mayReadVisibility(identity: Identity, visibility: Visibility): boolean {
  if (visibility === 'PARTNERS') return isPartner(identity)
  if (visibility === 'RESTRICTED') return mayReadRestricted(identity)
  return true
}

/** A channel read by id: in service and of a visibility the reader may see, or the reader's own. */
export const channelVisible = (identity: Identity, row: ChannelRow) =>
  mayAudit(identity, row) || (row.status === 'ACTIVE' && row.hotline_status !== 'RETIRED' && mayReadVisibility(identity, row.visibility))

/** Refuses, before anything is read, people who act for no organisation. */
export function requireUpkeeper(identity: Identity): void {
  if (isStaff(identity)) return
  if (!isPartner(identity) || !identity.org) {
    throw forbidden('Services are kept by the staff of the partner that operates them and by the ASEAN Secretariat; your sign-in names no organisation.')
  }
}

/** `what` names the record for the refusal, such as 'The service "vn-111"'. */
export function requireOperator(identity: Identity, row: Operated, what: string): void {
  if (mayAudit(identity, row)) return
  throw forbidden(
    row.operator_id
      ? `${what} is kept by its operator ("${row.operator_id}") and the ASEAN Secretariat; you act for "${identity.org}".`
      : `${what} has no operating partner in the directory, so only the ASEAN Secretariat keeps it.`,
  )
}

export function requireAuditor(identity: Identity, row: Operated, what: string): void {
  if (mayAudit(identity, row)) return
  throw forbidden(`The change history of ${what} is open only to its operator${row.operator_id ? ` ("${row.operator_id}")` : ''} and the ASEAN Secretariat.`)
}

/** Staff only: who operates a service decides who may change it. */
export function requireStaffForOperator(identity: Identity): void {
  if (!isStaff(identity)) throw forbidden('Only the ASEAN Secretariat changes which partner operates a service.')
}
