// Who may see and change which technical-assistance project. The gateway lets writers through
// by role; only here, with the row in hand, can "this agency runs this project" be decided.
import { forbidden } from '../common/errors.ts'
import { isStaff, type Identity } from '../common/identity.ts'
import type { ProjectRow, Viewer } from './repository.ts'

/** An agency's own staff, signed in as that UN agency. */
export const ownsAgency = (identity: Identity, agencyId: string) => identity.role === 'un_agency' && identity.org === agencyId

/** Agencies see their own retired projects, the Secretariat sees all, nobody else any. */
export const viewerOf = (identity: Identity): Viewer => ({
  all: isStaff(identity),
  agencyId: identity.role === 'un_agency' ? identity.org : null,
})

export const mayAudit = (identity: Identity, row: Pick<ProjectRow, 'agency_id'>) => isStaff(identity) || ownsAgency(identity, row.agency_id)

export const isVisible = (identity: Identity, row: ProjectRow) => row.status !== 'RETIRED' || mayAudit(identity, row)

export function requireOwner(identity: Identity, row: Pick<ProjectRow, 'id' | 'agency_id'>): void {
  if (mayAudit(identity, row)) return
  throw forbidden(`The project "${row.id}" belongs to "${row.agency_id}"; it is kept by that agency's own staff and the ASEAN Secretariat, and you act for "${identity.org}".`)
}

export function requireAuditor(identity: Identity, row: ProjectRow): void {
  if (mayAudit(identity, row)) return
  throw forbidden(`The change history of the project "${row.id}" is open only to "${row.agency_id}" and the ASEAN Secretariat.`)
}

/**
 * The agency a new project belongs to: always the creator's own agency; the Secretariat names
 * it. Returns null (and the caller reports input.agency) when the Secretariat names none.
 */
export function agencyForCreate(identity: Identity, requested: string | null | undefined): string | null {
  if (isStaff(identity)) return requested ?? null
  if (identity.role !== 'un_agency' || !identity.org) {
    throw forbidden(`Technical-assistance projects are written by the UN agency that runs them and by the ASEAN Secretariat; the role "${identity.role}" may not.`)
  }
  if (requested && requested !== identity.org) {
    throw forbidden(`You act for "${identity.org}", so the projects you add belong to it; you may not add one for "${requested}".`)
  }
  return identity.org
}
