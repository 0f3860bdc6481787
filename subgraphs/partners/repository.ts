// SQL only: the partner registry and its change log.
import { currentVersion, readChanges, recordChanges, updateIfVersion, type ChangeEntry, type FieldChange, type VersionedTable, type WriteMeta } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { Cursor } from '../common/pagination.ts'

export type PartnerKind = 'GOVERNMENT' | 'TECH_COMPANY' | 'CIVIL_SOCIETY' | 'UN_AGENCY'
export type PartnerScope = 'NATIONAL' | 'REGIONAL' | 'INTERNATIONAL'
export type PartnerStatus = 'ACTIVE' | 'RETIRED'

/** The columns a write may set (everything but identity, version and audit columns). */
export interface PartnerColumns {
  kind: PartnerKind
  names: LocalizedText[]
  descriptions: LocalizedText[]
  scope: PartnerScope
  countries: string[]
  headquarters: string | null
  website: string | null
  focus_areas: string[]
  verified: boolean
  verified_at: Date | null
  verified_by: string | null
  source: string | null
  status: PartnerStatus
  sort_name: string
  search_text: string
}

export interface PartnerRow extends Omit<PartnerColumns, 'search_text'> {
  id: string
  updated_at: Date
  version: number
}

export interface PartnerFilter {
  kind?: string | null
  country?: string | null
  focusArea?: string | null
  scope?: string | null
  text?: string | null
  /** Which statuses to list (none matches nothing). */
  status: PartnerStatus[]
}

export type { WriteMeta }

const TABLE = 'partners.partner'
export const CHANGE_TABLE = 'partners.partner_change'

const COLUMNS = `id, kind, names, descriptions, scope, countries, headquarters, website, focus_areas,
  verified, verified_at, verified_by, source, status, sort_name, updated_at, version`

// How each writable column's parameter is typed; jsonb values are sent as JSON text.
const CASTS: Record<keyof PartnerColumns, string> = {
  kind: 'text',
  names: 'jsonb',
  descriptions: 'jsonb',
  scope: 'text',
  countries: 'text[]',
  headquarters: 'text',
  website: 'text',
  focus_areas: 'text[]',
  verified: 'boolean',
  verified_at: 'timestamptz',
  verified_by: 'text',
  source: 'text',
  status: 'text',
  sort_name: 'text',
  search_text: 'text',
}

const PARTNERS: VersionedTable = { table: TABLE, casts: CASTS }

const encode = (column: keyof PartnerColumns, value: unknown) => (CASTS[column] === 'jsonb' && value != null ? JSON.stringify(value) : value)

function where(filter: PartnerFilter, params: unknown[]): string {
  const clauses: string[] = []
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value)
    clauses.push(sql(params.length))
  }
  add((n) => `status = any($${n}::text[])`, filter.status)
  if (filter.kind) add((n) => `kind = $${n}`, filter.kind)
  if (filter.scope) add((n) => `scope = $${n}`, filter.scope)
  if (filter.country) add((n) => `countries @> array[$${n}::text]`, filter.country)
  if (filter.focusArea) add((n) => `focus_areas @> array[$${n}::text]`, filter.focusArea)
  if (filter.text) add((n) => `search_text ilike '%' || $${n} || '%'`, escapeLike(filter.text.toLowerCase()))
  return `where ${clauses.join(' and ')}`
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Active partners in one country by kind; country null for partners that name none. */
export interface CountryCountRow {
  country: string | null
  government: number
  techCompany: number
  civilSociety: number
  unAgency: number
  total: number
}

export function partnerRepository(db: Queryable) {
  return {
    byIds(ids: readonly string[]) {
      return db.query<PartnerRow>(`select ${COLUMNS} from ${TABLE} where id = any($1::text[])`, [ids])
    },

    /** Partners working in any of these countries, national ones first; retired ones only when asked. */
    byCountries(codes: readonly string[], includeRetired: boolean) {
      return db.query<PartnerRow>(
        `select ${COLUMNS} from ${TABLE}
          where (status = 'ACTIVE' or $2::boolean) and countries && $1::text[]
          order by (scope = 'NATIONAL') desc, sort_name, id`,
        [codes, includeRetired],
      )
    },

    search(filter: PartnerFilter, limit: number, after: Cursor | null) {
      const params: unknown[] = []
      let sql = `select ${COLUMNS} from ${TABLE} ${where(filter, params)}`
      if (after) {
        params.push(after.key, after.id)
        sql += ` and (sort_name, id) > ($${params.length - 1}, $${params.length})`
      }
      params.push(limit + 1)
      return db.query<PartnerRow>(`${sql} order by sort_name, id limit $${params.length}`, params)
    },

    /** The staff report: a partner counts once in each country it works in (left join: none -> null). */
    countsByCountry() {
      return db.query<CountryCountRow>(
        `select c.country,
                count(*) filter (where p.kind = 'GOVERNMENT')::int as government,
                count(*) filter (where p.kind = 'TECH_COMPANY')::int as "techCompany",
                count(*) filter (where p.kind = 'CIVIL_SOCIETY')::int as "civilSociety",
                count(*) filter (where p.kind = 'UN_AGENCY')::int as "unAgency",
                count(*)::int as total
           from partners.partner p left join lateral unnest(p.countries) as c(country) on true
          where p.status = 'ACTIVE'
          group by c.country
          order by c.country nulls last`,
      )
    },

    async count(filter: PartnerFilter) {
      const params: unknown[] = []
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${TABLE} ${where(filter, params)}`, params)
      return row!.n
    },

    /** Inserts a new partner at version 1; null when the id is already taken. */
    async insert(id: string, values: PartnerColumns, meta: WriteMeta) {
      const columns = Object.keys(CASTS) as (keyof PartnerColumns)[]
      const params: unknown[] = [id, meta.at, meta.by, meta.org, ...columns.map((c) => encode(c, values[c]))]
      const placeholders = columns.map((c, i) => `$${i + 5}::${CASTS[c]}`).join(', ')
      const [row] = await db.query<PartnerRow>(
        `insert into ${TABLE} (id, created_at, updated_at, updated_by, updated_by_org, ${columns.join(', ')})
         values ($1, $2, $2, $3, $4, ${placeholders})
         on conflict (id) do nothing returning ${COLUMNS}`,
        params,
      )
      return row ?? null
    },

    /**
     * Writes only if the row is still at `expectedVersion` (null otherwise): concurrent writers
     * that read the same version cannot both succeed, on any driver or isolation level.
     */
    updateIfVersion: (id: string, expectedVersion: number, set: Partial<PartnerColumns>, meta: WriteMeta) =>
      updateIfVersion<PartnerRow>(db, PARTNERS, id, expectedVersion, set, meta, COLUMNS),

    currentVersion: (id: string) => currentVersion(db, PARTNERS, id),

    recordChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, CHANGE_TABLE, entry, changes),

    changes: (ids: readonly string[]) => readChanges(db, CHANGE_TABLE, ids),
  }
}

export type PartnerRepository = ReturnType<typeof partnerRepository>
