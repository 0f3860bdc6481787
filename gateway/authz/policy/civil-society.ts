// Program listings are public reading; archived ones are hidden by the subgraph, which alone
// sees a row's status and owner. Writes pass the gateway for anyone who may write some program
// (programWriter); the subgraph then refuses anyone who does not own this one. The change log
// and the last writer's identity are for the owner and the Secretariat (ownerOrStaff here,
// ownership checked in the subgraph).
import type { Policy } from './types.ts'

export const policy: Policy = {
  Query: { program: 'public', programs: 'public' },
  Mutation: { createProgram: 'programWriter', updateProgram: 'programWriter', archiveProgram: 'programWriter' },
  Program: {
    id: 'public',
    title: 'public',
    titles: 'public',
    description: 'public',
    descriptions: 'public',
    owner: 'public',
    countries: 'public',
    focusAreas: 'public',
    harmTypes: 'public',
    audiences: 'public',
    status: 'public',
    startsOn: 'public',
    endsOn: 'public',
    contacts: 'public',
    version: 'public',
    createdAt: 'public',
    updatedAt: 'public',
    updatedBy: 'ownerOrStaff',
    changes: 'ownerOrStaff',
  },
  ProgramContacts: { website: 'public', email: 'public', phone: 'public', source: 'public', verifiedAt: 'public' },
  ProgramPhone: { number: 'public', e164: 'public', country: 'public', isShortCode: 'public' },
  ProgramChange: { version: 'ownerOrStaff', at: 'ownerOrStaff', actorSub: 'ownerOrStaff', actorOrg: 'ownerOrStaff', fields: 'ownerOrStaff' },
  ProgramFieldChange: { field: 'ownerOrStaff', oldValue: 'ownerOrStaff', newValue: 'ownerOrStaff' },
  ProgramConnection: { nodes: 'public', totalCount: 'public', pageInfo: 'public' },
  CivilSocietyOrganisation: { id: 'public', memberships: 'public', networkMembers: 'public', programs: 'public' },
  UnAgency: { id: 'public', programs: 'public' },
  CivilSocietyMembership: {
    member: 'public',
    network: 'public',
    joinedOn: 'public',
    joinedYear: 'public',
    note: 'public',
    source: 'public',
    verifiedAt: 'public',
  },
  Country: { code: 'public' },
  FocusArea: { code: 'public' },
  HarmType: { code: 'public' },
  LocalizedText: { lang: 'public', value: 'public' },
  PageInfo: { hasNextPage: 'public', endCursor: 'public' },
}
