// SQL only: tech companies' details, platforms and (restricted) law-enforcement request routes.
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

export interface RouteRow {
  company_id: string
  url: string | null
  email: string | null
  note: string
  example: boolean
  source: string
  verified_at: Date | null
}

const PLATFORM_COLUMNS = 'id, company_id, name, kind'

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
      return db.query<RouteRow>(
        `select company_id, url, email, note, example, source, verified_at from tech_companies.law_enforcement_route
          where company_id = any($1::text[])`,
        [ids],
      )
    },
  }
}

export type TechCompanyRepository = ReturnType<typeof techCompanyRepository>
