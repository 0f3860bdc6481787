// Who may write and read what. The gateway lets writers through by role; only here, with the
// row in hand, can "this organisation owns this program" be decided.
import { forbidden } from '../common/errors.ts'
import { isId } from '../common/ids.ts'
import { isStaff, type Identity, type Role } from '../common/identity.ts'
import type { Validator } from '../common/validate.ts'
import type { OwnerKind, ProgramRow, Viewer } from './repository.ts'

const KIND_OF_ROLE: Partial<Record<Role, OwnerKind>> = { civil_society: 'CIVIL_SOCIETY', un_agency: 'UN_AGENCY' }

export interface Owner {
  id: string
  kind: OwnerKind
}

/** The organisation the person acts for, when it is one that can own programs. */
function ownOrganisation(identity: Identity): Owner | null {
  const kind = KIND_OF_ROLE[identity.role]
  return kind && identity.org ? { id: identity.org, kind } : null
}

export const ownsProgram = (identity: Identity, row: Pick<ProgramRow, 'owner_id' | 'owner_kind'>) => {
  const own = ownOrganisation(identity)
  return own !== null && own.id === row.owner_id && own.kind === row.owner_kind
}

/** Owners and staff see archived programs, change logs and who wrote last. */
export const mayAudit = (identity: Identity, row: ProgramRow) => isStaff(identity) || ownsProgram(identity, row)

export const isVisible = (identity: Identity, row: ProgramRow) => row.status !== 'ARCHIVED' || mayAudit(identity, row)

export function viewerOf(identity: Identity): Viewer {
  if (isStaff(identity)) return { all: true }
  const own = ownOrganisation(identity)
  return { all: false, ownerId: own?.id ?? null, ownerKind: own?.kind ?? null }
}

/** Refuses, before anything is read, people who can write no program at all. */
export function requireWriter(identity: Identity): void {
  if (isStaff(identity)) return
  if (!KIND_OF_ROLE[identity.role]) {
    throw forbidden(
      `Programs are written only by the staff of the civil-society organisation or UN agency that owns them and by the ASEAN Secretariat; the role "${identity.role}" may not write programs.`,
    )
  }
  if (!identity.org) throw forbidden('Your sign-in names no organisation, so there is no program you may write.')
}

export function requireOwner(identity: Identity, row: ProgramRow): void {
  if (isStaff(identity) || ownsProgram(identity, row)) return
  throw forbidden(
    `The program "${row.id}" belongs to "${row.owner_id}"; you act for "${identity.org}" and may change only its programs.`,
  )
}

export function requireAuditor(identity: Identity, row: ProgramRow): void {
  if (mayAudit(identity, row)) return
  throw forbidden(`The change history of the program "${row.id}" is open only to its owner ("${row.owner_id}") and the ASEAN Secretariat.`)
}

/**
 * Who owns a new program: always the creator's own organisation; the Secretariat names the
 * owner (a missing or malformed owner is reported with the other input violations).
 */
export function ownerForCreate(identity: Identity, requested: Owner | null | undefined, v: Validator): Owner {
  requireWriter(identity)
  const own = ownOrganisation(identity)
  if (own) {
    if (requested && (requested.id !== own.id || requested.kind !== own.kind)) {
      throw forbidden(
        `You act for "${own.id}", so the programs you create belong to it; you may not create one for "${requested.id}" (${requested.kind}).`,
      )
    }
    return own
  }
  if (!requested) {
    v.fail('input.owner', 'is required: name the organisation the program belongs to ({ id, kind })')
    return { id: '', kind: 'CIVIL_SOCIETY' }
  }
  if (!isId(requested.id)) v.fail('input.owner.id', 'is not a partner id: 1-80 lower-case letters, digits and dashes')
  return requested
}
