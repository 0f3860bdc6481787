// Who may see and change which partner. The gateway lets writers through by role; only here,
// with the row in hand, can "this person works for this partner" be decided.
import { forbidden, notFound } from '../common/errors.ts'
import { isStaff, type Identity } from '../common/identity.ts'
import type { PartnerRow } from './repository.ts'

/** A partner's own staff: anyone signed in whose organisation is that partner. */
export const ownsPartner = (identity: Identity, row: Pick<PartnerRow, 'id'>) =>
  identity.role !== 'public' && identity.org !== null && identity.org === row.id

/**
 * Retired partners are withdrawn from the network: only the ASEAN Secretariat (and admins)
 * still see them, not even the retired partner's own staff.
 */
export const isVisible = (identity: Identity, row: PartnerRow) => row.status !== 'RETIRED' || isStaff(identity)

/** The change log is the owner's and the Secretariat's. */
export const mayAudit = (identity: Identity, row: PartnerRow) => isStaff(identity) || ownsPartner(identity, row)

export function requireStaff(identity: Identity, action: string): void {
  if (!isStaff(identity)) throw forbidden(`Only the ASEAN Secretariat may ${action}.`)
}

/** A row the caller may change; a retired partner is as absent to them as it is in every answer. */
export function requireEditable(identity: Identity, id: string, row: PartnerRow | undefined): PartnerRow {
  if (!row || !isVisible(identity, row)) throw notFound('partner', id)
  if (isStaff(identity) || ownsPartner(identity, row)) return row
  throw forbidden(`The partner "${row.id}" is kept by its own staff and the ASEAN Secretariat; you act for "${identity.org}".`)
}

export function requireAuditor(identity: Identity, row: PartnerRow): void {
  if (mayAudit(identity, row)) return
  throw forbidden(`The change history of the partner "${row.id}" is open only to its own staff and the ASEAN Secretariat.`)
}
