import { revisionView } from '../common/changes.ts'
import { clientError, forbidden } from '../common/errors.ts'
import { isId, requireId } from '../common/ids.ts'
import { pickText } from '../common/i18n.ts'
import { connection, decodeCursor, pageSize } from '../common/pagination.ts'
import { scalars } from '../common/scalars.ts'
import { Validator } from '../common/validate.ts'
import { isVisible, mayAudit, requireAuditor } from './access.ts'
import type { Context } from './context.ts'
import { FOCUS_AREAS, HARM_TYPES, type ProgramInput } from './input.ts'
import type { MembershipRow, OwnerKind, ProgramFilter, ProgramRow, ProgramStatus } from './repository.ts'
import { searchTerms } from './search.ts'
import { archiveProgram, createProgram, updateProgram } from './writes.ts'

const TYPENAME: Record<OwnerKind, 'CivilSocietyOrganisation' | 'UnAgency'> = {
  CIVIL_SOCIETY: 'CivilSocietyOrganisation',
  UN_AGENCY: 'UnAgency',
}

interface FilterInput {
  country?: string | null
  focusArea?: string | null
  harmType?: string | null
  audience?: string | null
  status?: ProgramStatus[] | null
  owner?: string | null
  text?: string | null
  updatedAfter?: Date | null
}

function validFilter(filter: FilterInput | null | undefined): ProgramFilter {
  if (!filter) return {}
  const v = new Validator()
  const country = v.country('filter.country', filter.country)
  v.oneOf('filter.focusArea', filter.focusArea, FOCUS_AREAS)
  v.oneOf('filter.harmType', filter.harmType, HARM_TYPES)
  if (filter.owner != null && !isId(filter.owner)) v.fail('filter.owner', 'is not a partner id: 1-80 lower-case letters, digits and dashes')
  v.text('filter.text', filter.text, { max: 200 })
  v.throwIfInvalid()
  return { ...filter, country, terms: searchTerms(filter.text) }
}

function afterSeq(after: string | null | undefined): number | null {
  const cursor = decodeCursor(after)
  if (!cursor) return null
  const seq = Number(cursor.key)
  if (!Number.isSafeInteger(seq)) throw clientError('BAD_USER_INPUT', 'The "after" cursor is not one this API returned; pass endCursor from a previous page.', { argument: 'after' })
  return seq
}

const visibleOrNull = (row: ProgramRow | null, ctx: Context) => (row && isVisible(ctx.identity, row) ? row : null)
const loadVisible = async (id: string, ctx: Context) => visibleOrNull(await ctx.loaders.program.load(id), ctx)
const programsOf = (kind: OwnerKind) => async ({ id }: { id: string }, _: unknown, ctx: Context) =>
  (await ctx.loaders.programsByOwner.load(id)).filter((p) => p.owner_kind === kind)

const organisationRef = (id: string) => ({ __typename: 'CivilSocietyOrganisation', id })

export const resolvers = {
  ...scalars,
  Query: {
    program: (_: unknown, { id }: { id: string }, ctx: Context) => loadVisible(requireId(id), ctx),
    programs: async (_: unknown, args: { filter?: FilterInput; first?: number; after?: string }, ctx: Context) => {
      const filter = validFilter(args.filter)
      const limit = pageSize(args.first)
      const viewer = ctx.viewer
      const [rows, total] = await Promise.all([ctx.repo.search(filter, viewer, limit, afterSeq(args.after)), ctx.repo.count(filter, viewer)])
      for (const row of rows) ctx.loaders.program.prime(row.id, row)
      return connection(rows, limit, (r) => ({ key: String(r.seq), id: r.id }), total)
    },
  },
  Mutation: {
    createProgram: (_: unknown, { input }: { input: ProgramInput }, ctx: Context) => createProgram(ctx, input),
    updateProgram: (_: unknown, args: { id: string; expectedVersion: number; input: ProgramInput }, ctx: Context) =>
      updateProgram(ctx, args.id, args.expectedVersion, args.input),
    archiveProgram: (_: unknown, args: { id: string; expectedVersion: number }, ctx: Context) => archiveProgram(ctx, args.id, args.expectedVersion),
  },
  Program: {
    __resolveReference: ({ id }: { id: string }, ctx: Context) => loadVisible(id, ctx),
    title: (p: ProgramRow, { lang }: { lang?: string }) => pickText(p.titles, lang) ?? '',
    description: (p: ProgramRow, { lang }: { lang?: string }) => pickText(p.descriptions, lang),
    owner: (p: ProgramRow) => ({ __typename: TYPENAME[p.owner_kind], id: p.owner_id }),
    countries: (p: ProgramRow) => p.countries.map((code) => ({ code })),
    focusAreas: (p: ProgramRow) => p.focus_areas.map((code) => ({ code })),
    harmTypes: (p: ProgramRow) => p.harm_types.map((code) => ({ code })),
    startsOn: (p: ProgramRow) => p.starts_on,
    endsOn: (p: ProgramRow) => p.ends_on,
    contacts: (p: ProgramRow) => ({
      website: p.website,
      email: p.email,
      phone: p.phone && { number: p.phone.value, e164: p.phone.e164, country: p.phone.country, isShortCode: p.phone.type === 'SHORT_CODE' },
      source: p.contacts_source,
      verifiedAt: p.contacts_verified_at,
    }),
    createdAt: (p: ProgramRow) => p.created_at,
    updatedAt: (p: ProgramRow) => p.updated_at,
    updatedBy: (p: ProgramRow, _: unknown, ctx: Context) => {
      if (!mayAudit(ctx.identity, p)) throw forbidden(`Who last wrote the program "${p.id}" is shown only to its owner ("${p.owner_id}") and the ASEAN Secretariat.`)
      return p.updated_by
    },
    changes: async (p: ProgramRow, _: unknown, ctx: Context) => {
      requireAuditor(ctx.identity, p)
      return (await ctx.loaders.changes.load(p.id)).map(revisionView)
    },
  },
  ProgramOwner: {
    __resolveType: (owner: { __typename: string }) => owner.__typename,
  },
  CivilSocietyOrganisation: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    programs: programsOf('CIVIL_SOCIETY'),
    memberships: ({ id }: { id: string }, _: unknown, ctx: Context) => ctx.loaders.membershipsOf.load(id),
    networkMembers: ({ id }: { id: string }, _: unknown, ctx: Context) => ctx.loaders.membersOf.load(id),
  },
  UnAgency: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    programs: programsOf('UN_AGENCY'),
  },
  CivilSocietyMembership: {
    member: (m: MembershipRow) => organisationRef(m.member_id),
    network: (m: MembershipRow) => organisationRef(m.network_id),
    joinedOn: (m: MembershipRow) => m.joined_on,
    joinedYear: (m: MembershipRow) => m.joined_year,
    verifiedAt: (m: MembershipRow) => m.verified_at,
  },
}
