// SQL only: the partner registry.
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { Cursor } from '../common/pagination.ts'

export interface PartnerRow {
  id: string
  kind: 'GOVERNMENT' | 'TECH_COMPANY' | 'CIVIL_SOCIETY' | 'UN_AGENCY'
  names: LocalizedText[]
  descriptions: LocalizedText[]
  scope: 'NATIONAL' | 'REGIONAL' | 'INTERNATIONAL'
  countries: string[]
  headquarters: string | null
  website: string | null
  focus_areas: string[]
  verified: boolean
  verified_at: Date | null
  source: string | null
  status: 'ACTIVE' | 'RETIRED'
  sort_name: string
  updated_at: Date
  version: number
}

export interface PartnerFilter {
  kind?: string | null
  country?: string | null
  focusArea?: string | null
  scope?: string | null
  text?: string | null
  includeRetired?: boolean
}

const COLUMNS = `id, kind, names, descriptions, scope, countries, headquarters, website, focus_areas,
  verified, verified_at, source, status, sort_name, updated_at, version`

function where(filter: PartnerFilter, params: unknown[]): string {
  const clauses: string[] = []
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value)
    clauses.push(sql(params.length))
  }
  if (!filter.includeRetired) clauses.push(`status = 'ACTIVE'`)
  if (filter.kind) add((n) => `kind = $${n}`, filter.kind)
  if (filter.scope) add((n) => `scope = $${n}`, filter.scope)
  if (filter.country) add((n) => `countries @> array[$${n}::text]`, filter.country)
  if (filter.focusArea) add((n) => `focus_areas @> array[$${n}::text]`, filter.focusArea)
  if (filter.text) add((n) => `search_text ilike '%' || $${n} || '%'`, escapeLike(filter.text.toLowerCase()))
  return clauses.length ? `where ${clauses.join(' and ')}` : ''
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
      return db.query<PartnerRow>(`select ${COLUMNS} from partners.partner where id = any($1::text[])`, [ids])
    },

    byCountries(codes: readonly string[]) {
      return db.query<PartnerRow>(
        `select ${COLUMNS} from partners.partner
          where status = 'ACTIVE' and countries && $1::text[]
          order by (scope = 'NATIONAL') desc, sort_name, id`,
        [codes],
      )
    },

    search(filter: PartnerFilter, limit: number, after: Cursor | null) {
      const params: unknown[] = []
      const conditions = where(filter, params)
      let sql = `select ${COLUMNS} from partners.partner ${conditions}`
      if (after) {
        params.push(after.key, after.id)
        sql += `${conditions ? ' and' : ' where'} (sort_name, id) > ($${params.length - 1}, $${params.length})`
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
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from partners.partner ${where(filter, params)}`, params)
      return row!.n
    },
  }
}

export type PartnerRepository = ReturnType<typeof partnerRepository>
