// Who may see and change which agency's details. The gateway lets writers through by role; only
// here, with the row in hand, can "this person works for this agency" be decided.
import { clientError, forbidden, notFound } from '../common/errors.ts'
import { isStaff, type Identity } from '../common/identity.ts'
import type { AgencyRow } from './repository.ts'

/** An agency's own staff: anyone signed in whose organisation is that agency. */
export const ownsAgency = (identity: Identity, row: Pick<AgencyRow, 'id'>) =>
  identity.role !== 'public' && identity.org !== null && identity.org === row.id

/** A retired agency is withdrawn from every answer but the ASEAN Secretariat's, as a retired partner is. */
export const isVisible = (identity: Identity, row: AgencyRow) => row.retired_at === null || isStaff(identity)

export function requireEditable(identity: Identity, id: string, row: AgencyRow | undefined): AgencyRow {
  if (!row && isStaff(identity)) {
    throw clientError('NOT_FOUND', `The government agency "${id}" has no details recorded yet: record them first with recordGovernmentAgency.`, { id })
  }
  if (!row || !isVisible(identity, row)) throw notFound('government agency', id)
  if (isStaff(identity) || ownsAgency(identity, row)) return row
  throw forbidden(`The mandate of "${row.id}" is kept by the agency's own staff and the ASEAN Secretariat; you act for "${identity.org}".`)
}

export function requireAuditor(identity: Identity, row: Pick<AgencyRow, 'id'>): void {
  if (isStaff(identity) || ownsAgency(identity, row)) return
  throw forbidden(`The change history of "${row.id}" is open only to the agency's own staff and the ASEAN Secretariat.`)
}
