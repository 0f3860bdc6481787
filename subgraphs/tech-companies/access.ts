// Who may read and write a company's law-enforcement request route. Reading stays restricted
// (verified tech companies, governments, the Secretariat); writing is the company's own staff
// and the Secretariat's, decided here with the row in hand.
import { forbidden } from '../common/errors.ts'
import { isStaff, mayReadRestricted, type Identity } from '../common/identity.ts'
import type { RouteRow } from './repository.ts'

/**
 * A company's own staff, signed in as that tech company. Their sign-in must be verified: law
 * enforcement sends requests wherever the route points, so a company nobody has checked may
 * not set it (and could not read it back).
 */
export const ownsCompany = (identity: Identity, companyId: string) =>
  identity.role === 'tech_company' && identity.verified && identity.org === companyId

export const mayAudit = (identity: Identity, companyId: string) => isStaff(identity) || ownsCompany(identity, companyId)

/** Retired routes are withdrawn from their readers; the company and the Secretariat still see them. */
export const isVisible = (identity: Identity, row: RouteRow) =>
  mayReadRestricted(identity) && (row.status !== 'RETIRED' || mayAudit(identity, row.company_id))

export function requireWriter(identity: Identity, companyId: string): void {
  if (mayAudit(identity, companyId)) return
  if (identity.role === 'tech_company' && identity.org === companyId) {
    throw forbidden(`Your sign-in for "${companyId}" is not verified, so it may not set the company's law-enforcement route; the ASEAN Secretariat verifies tech companies.`)
  }
  throw forbidden(`The law-enforcement route of "${companyId}" is kept by the company's own staff and the ASEAN Secretariat; you act for "${identity.org}".`)
}

export function requireAuditor(identity: Identity, companyId: string): void {
  if (mayAudit(identity, companyId)) return
  throw forbidden(`The change history of the law-enforcement route of "${companyId}" is open only to the company's own staff and the ASEAN Secretariat.`)
}
