// Who may change and audit which resource. The gateway lets any partner organisation's staff
// through to the write path (ownerOrStaff); only here, with the row in hand, can "this
// organisation is the lead publisher" be decided.
import { forbidden } from '../common/errors.ts'
import { isPartner, isStaff, type Identity } from '../common/identity.ts'
import type { ResourceRow } from './repository.ts'

type Published = Pick<ResourceRow, 'id' | 'publisher'>

export const publishes = (identity: Identity, row: Pick<ResourceRow, 'publisher'>) =>
  isPartner(identity) && identity.org !== null && identity.org === row.publisher

/** The lead publisher's staff and the Secretariat: retired resources, change logs, who confirmed. */
export const mayAudit = (identity: Identity, row: Pick<ResourceRow, 'publisher'>) => isStaff(identity) || publishes(identity, row)

/** Retired resources exist only for their publisher and staff. */
export const isVisible = (identity: Identity, row: ResourceRow) => row.status === 'PUBLISHED' || mayAudit(identity, row)

/** Refuses, before anything is read, people who act for no organisation. */
export function requireUpkeeper(identity: Identity): void {
  if (isStaff(identity)) return
  if (!isPartner(identity) || !identity.org) {
    throw forbidden('Resources are kept by the staff of their lead publisher and by the ASEAN Secretariat; your sign-in names no organisation.')
  }
}

export function requirePublisher(identity: Identity, row: Published): void {
  if (mayAudit(identity, row)) return
  throw forbidden(`The resource "${row.id}" is kept by its lead publisher ("${row.publisher}") and the ASEAN Secretariat; you act for "${identity.org}".`)
}

export function requireAuditor(identity: Identity, row: Published, what: string): void {
  if (mayAudit(identity, row)) return
  throw forbidden(`${what} of the resource "${row.id}" is shown only to its lead publisher ("${row.publisher}") and the ASEAN Secretariat.`)
}

/** Staff only: the lead publisher decides who may change a resource. */
export function requireStaffForPublisher(identity: Identity): void {
  if (!isStaff(identity)) throw forbidden('Only the ASEAN Secretariat changes the lead publisher of a resource.')
}
