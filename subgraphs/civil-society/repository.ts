// SQL only: programs, their change log and network memberships.
import { currentVersion, readChanges, recordChanges, updateIfVersion, type ChangeEntry, type FieldChange, type VersionedTable, type WriteMeta } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { NormalisedPhone } from '../common/phones.ts'

export type OwnerKind = 'CIVIL_SOCIETY' | 'UN_AGENCY'
export type ProgramStatus = 'PLANNED' | 'ACTIVE' | 'ENDED' | 'ARCHIVED'

/** The columns a write may set (everything but identity, version and audit columns). */
export interface ProgramColumns {
  titles: LocalizedText[]
  descriptions: LocalizedText[]
  countries: string[]
  focus_areas: string[]
  harm_types: string[]
  audiences: string[]
  status: ProgramStatus
  starts_on: string | null
  ends_on: string | null
  website: string | null
  email: string | null
  phone: NormalisedPhone | null
  contacts_source: string | null
  contacts_verified_at: Date | null
  search_text: string
}

export interface ProgramRow extends Omit<ProgramColumns, 'search_text'> {
  id: string
  seq: number
  owner_id: string
  owner_kind: OwnerKind
  version: number
  created_at: Date
  updated_at: Date
  updated_by: string | null
  updated_by_org: string | null
}

export interface MembershipRow {
  member_id: string
  network_id: string
  joined_on: string | null
  joined_year: number | null
  note: string | null
  source: string
  verified_at: Date
}

/** Whose archived programs a reader may see: all (staff), one owner's, or none. */
export type Viewer = { all: true } | { all: false; ownerId: string | null; ownerKind: OwnerKind | null }

export interface ProgramFilter {
  country?: string | null
  focusArea?: string | null
  harmType?: string | null
  audience?: string | null
  status?: ProgramStatus[] | null
  owner?: string | null
  updatedAfter?: Date | null
  /** Search terms, already normalised; every one must match. */
  terms?: string[]
}

export type { WriteMeta }

const TABLE = 'civil_society.program'
export const CHANGE_TABLE = 'civil_society.program_change'

const COLUMNS = `id, seq, owner_id, owner_kind, titles, descriptions, countries, focus_areas, harm_types, audiences,
  status, starts_on::text as starts_on, ends_on::text as ends_on, website, email, phone, contacts_source,
  contacts_verified_at, version, created_at, updated_at, updated_by, updated_by_org`

// How each writable column's parameter is typed; jsonb values are sent as JSON text.
const CASTS: Record<keyof ProgramColumns, string> = {
  titles: 'jsonb',
  descriptions: 'jsonb',
  countries: 'text[]',
  focus_areas: 'text[]',
  harm_types: 'text[]',
  audiences: 'text[]',
  status: 'text',
  starts_on: 'date',
  ends_on: 'date',
  website: 'text',
  email: 'text',
  phone: 'jsonb',
  contacts_source: 'text',
  contacts_verified_at: 'timestamptz',
  search_text: 'text',
}

const PROGRAMS: VersionedTable = { table: TABLE, casts: CASTS }

const encode = (column: keyof ProgramColumns, value: unknown) => (CASTS[column] === 'jsonb' && value != null ? JSON.stringify(value) : value)

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function where(filter: ProgramFilter, viewer: Viewer, params: unknown[]): string {
  const clauses: string[] = []
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value)
    clauses.push(sql(params.length))
  }
  if (!viewer.all) {
    if (viewer.ownerId && viewer.ownerKind) {
      params.push(viewer.ownerId, viewer.ownerKind)
      clauses.push(`(status <> 'ARCHIVED' or (owner_id = $${params.length - 1} and owner_kind = $${params.length}))`)
    } else clauses.push(`status <> 'ARCHIVED'`)
  }
  if (filter.status?.length) add((n) => `status = any($${n}::text[])`, filter.status)
  else clauses.push(`status <> 'ARCHIVED'`)
  if (filter.country) add((n) => `countries @> array[$${n}::text]`, filter.country)
  if (filter.focusArea) add((n) => `focus_areas @> array[$${n}::text]`, filter.focusArea)
  if (filter.harmType) add((n) => `harm_types @> array[$${n}::text]`, filter.harmType)
  if (filter.audience) add((n) => `audiences @> array[$${n}::text]`, filter.audience)
  if (filter.owner) add((n) => `owner_id = $${n}`, filter.owner)
  if (filter.updatedAfter) add((n) => `updated_at >= $${n}::timestamptz`, filter.updatedAfter)
  for (const term of filter.terms ?? []) add((n) => `search_text like '%' || $${n} || '%'`, escapeLike(term))
  return clauses.length ? `where ${clauses.join(' and ')}` : ''
}

export function programRepository(db: Queryable) {
  return {
    byIds(ids: readonly string[]) {
      return db.query<ProgramRow>(`select ${COLUMNS} from ${TABLE} where id = any($1::text[])`, [ids])
    },

    /** Programs of several owners that the viewer may see, in listing order. */
    byOwners(ownerIds: readonly string[], viewer: Viewer) {
      const params: unknown[] = [ownerIds]
      const visible = where({ status: ['PLANNED', 'ACTIVE', 'ENDED', 'ARCHIVED'] }, viewer, params)
      return db.query<ProgramRow>(`select ${COLUMNS} from ${TABLE} ${visible} and owner_id = any($1::text[]) order by seq`, params)
    },

    search(filter: ProgramFilter, viewer: Viewer, limit: number, afterSeq: number | null) {
      const params: unknown[] = []
      let sql = `select ${COLUMNS} from ${TABLE} ${where(filter, viewer, params)}`
      if (afterSeq != null) {
        params.push(afterSeq)
        sql += ` and seq > $${params.length}`
      }
      params.push(limit + 1)
      return db.query<ProgramRow>(`${sql} order by seq limit $${params.length}`, params)
    },

    async count(filter: ProgramFilter, viewer: Viewer) {
      const params: unknown[] = []
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${TABLE} ${where(filter, viewer, params)}`, params)
      return row!.n
    },

    async insert(id: string, owner: { id: string; kind: OwnerKind }, values: ProgramColumns, meta: WriteMeta) {
      const columns = Object.keys(CASTS) as (keyof ProgramColumns)[]
      const params: unknown[] = [id, owner.id, owner.kind, meta.at, meta.by, meta.org, ...columns.map((c) => encode(c, values[c]))]
      const placeholders = columns.map((c, i) => `$${i + 7}::${CASTS[c]}`).join(', ')
      const [row] = await db.query<ProgramRow>(
        `insert into ${TABLE} (id, owner_id, owner_kind, created_at, updated_at, updated_by, updated_by_org, ${columns.join(', ')})
         values ($1, $2, $3, $4, $4, $5, $6, ${placeholders}) returning ${COLUMNS}`,
        params,
      )
      return row!
    },

    /**
     * Writes only if the row is still at `expectedVersion` (null otherwise): concurrent writers
     * that read the same version cannot both succeed, on any driver or isolation level.
     */
    updateIfVersion: (id: string, expectedVersion: number, set: Partial<ProgramColumns>, meta: WriteMeta) =>
      updateIfVersion<ProgramRow>(db, PROGRAMS, id, expectedVersion, set, meta, COLUMNS),

    currentVersion: (id: string) => currentVersion(db, PROGRAMS, id),

    recordChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, CHANGE_TABLE, entry, changes),

    changes: (ids: readonly string[]) => readChanges(db, CHANGE_TABLE, ids),

    membershipsOf(memberIds: readonly string[]) {
      return db.query<MembershipRow>(
        `select member_id, network_id, joined_on::text as joined_on, joined_year, note, source, verified_at
           from civil_society.membership where member_id = any($1::text[]) order by member_id, network_id`,
        [memberIds],
      )
    },

    membersOf(networkIds: readonly string[]) {
      return db.query<MembershipRow>(
        `select member_id, network_id, joined_on::text as joined_on, joined_year, note, source, verified_at
           from civil_society.membership where network_id = any($1::text[]) order by network_id, member_id`,
        [networkIds],
      )
    },
  }
}

export type ProgramRepository = ReturnType<typeof programRepository>
