// SQL only: tech companies' details, platforms and (restricted) law-enforcement request routes
// with their change log.
import { currentVersion, readChanges, recordChanges, updateIfVersion, type ChangeEntry, type FieldChange, type VersionedTable, type WriteMeta } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'

export type PlatformKind = 'SOCIAL_NETWORK' | 'MESSAGING' | 'VIDEO' | 'SEARCH' | 'GAMING' | 'CLOUD'

export interface CompanyRow {
  id: string
  memberships: string[]
  transparency_report_url: string | null
}

export interface PlatformRow {
  id: string
  company_id: string
  name: string
  kind: PlatformKind
}

export type RouteStatus = 'ACTIVE' | 'RETIRED'

/** The columns a write may set. */
export interface RouteColumns {
  url: string | null
  email: string | null
  note: string
  example: boolean
  source: string
  verified_at: Date | null
  status: RouteStatus
}

export interface RouteRow extends RouteColumns {
  company_id: string
  version: number
}

export type { WriteMeta }

const PLATFORM_COLUMNS = 'id, company_id, name, kind'
const ROUTE_TABLE = 'tech_companies.law_enforcement_route'
const ROUTE_COLUMNS = 'company_id, url, email, note, example, source, verified_at, status, version'
export const CHANGE_TABLE = 'tech_companies.law_enforcement_route_change'
const CASTS: Record<keyof RouteColumns, string> = {
  url: 'text',
  email: 'text',
  note: 'text',
  example: 'boolean',
  source: 'text',
  verified_at: 'timestamptz',
  status: 'text',
}
// A route is keyed by its company: one route a company.
const ROUTES: VersionedTable = { table: ROUTE_TABLE, casts: CASTS, key: 'company_id' }

export function techCompanyRepository(db: Queryable) {
  return {
    companiesByIds(ids: readonly string[]) {
      return db.query<CompanyRow>('select id, memberships, transparency_report_url from tech_companies.company where id = any($1::text[])', [ids])
    },

    platformsByCompanies(ids: readonly string[]) {
      return db.query<PlatformRow>(
        `select ${PLATFORM_COLUMNS} from tech_companies.platform where company_id = any($1::text[]) order by company_id, kind, name`,
        [ids],
      )
    },

    platforms(kind: PlatformKind | null) {
      return db.query<PlatformRow>(
        `select ${PLATFORM_COLUMNS} from tech_companies.platform where $1::text is null or kind = $1 order by kind, name, id`,
        [kind],
      )
    },

    routesByCompanies(ids: readonly string[]) {
      return db.query<RouteRow>(`select ${ROUTE_COLUMNS} from ${ROUTE_TABLE} where company_id = any($1::text[])`, [ids])
    },

    /** A route for a company the registry knows but this subgraph has no details for yet gets an empty record. */
    /** A company registered in the directory after the seed gets its (empty) record here on its first write. */
    async ensureCompany(id: string) {
      await db.query('insert into tech_companies.company (id) values ($1) on conflict (id) do nothing', [id])
    },

    async insertRoute(companyId: string, values: RouteColumns, meta: WriteMeta) {
      await db.query('insert into tech_companies.company (id) values ($1) on conflict (id) do nothing', [companyId])
      const columns = Object.keys(CASTS) as (keyof RouteColumns)[]
      const params: unknown[] = [companyId, meta.at, meta.by, meta.org, ...columns.map((c) => values[c])]
      const [row] = await db.query<RouteRow>(
        `insert into ${ROUTE_TABLE} (company_id, updated_at, updated_by, updated_by_org, ${columns.join(', ')})
         values ($1, $2, $3, $4, ${columns.map((c, i) => `$${i + 5}::${CASTS[c]}`).join(', ')})
         on conflict (company_id) do nothing returning ${ROUTE_COLUMNS}`,
        params,
      )
      return row ?? null
    },

    /** Writes only if the route is still at `expectedVersion` (null otherwise). */
    updateRouteIfVersion: (companyId: string, expectedVersion: number, set: Partial<RouteColumns>, meta: WriteMeta) =>
      updateIfVersion<RouteRow>(db, ROUTES, companyId, expectedVersion, set, meta, ROUTE_COLUMNS),

    routeVersion: (companyId: string) => currentVersion(db, ROUTES, companyId),

    recordChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, CHANGE_TABLE, entry, changes),

    changes: (ids: readonly string[]) => readChanges(db, CHANGE_TABLE, ids),
  }
}

export type TechCompanyRepository = ReturnType<typeof techCompanyRepository>
