// SQL only: UN agencies' details and their technical-assistance projects.
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'

export interface AgencyRow {
  id: string
  parent_organisation: string | null
  mandates: LocalizedText[]
  mandate_source: string | null
}

export interface ProjectRow {
  id: string
  agency_id: string
  titles: LocalizedText[]
  summaries: LocalizedText[]
  countries: string[]
  focus_areas: string[]
  /** YYYY-MM-DD (selected as text so no time zone can shift the day). */
  started_on: string | null
  ended_on: string | null
  status: 'ONGOING' | 'COMPLETED' | 'NOT_CONFIRMED'
  source: string
}

export interface ProjectFilter {
  country?: string | null
  focusArea?: string | null
}

const PROJECT_COLUMNS = `id, agency_id, titles, summaries, countries, focus_areas,
  started_on::text as started_on, ended_on::text as ended_on, status, source`

export function unAgencyRepository(db: Queryable) {
  return {
    agenciesByIds(ids: readonly string[]) {
      return db.query<AgencyRow>(
        'select id, parent_organisation, mandates, mandate_source from un_agencies.agency where id = any($1::text[])',
        [ids],
      )
    },

    projectsByAgencies(ids: readonly string[]) {
      return db.query<ProjectRow>(`select ${PROJECT_COLUMNS} from un_agencies.project where agency_id = any($1::text[]) order by id`, [ids])
    },

    projectsByCountries(codes: readonly string[]) {
      return db.query<ProjectRow>(`select ${PROJECT_COLUMNS} from un_agencies.project where countries && $1::text[] order by id`, [codes])
    },

    projects(filter: ProjectFilter) {
      return db.query<ProjectRow>(
        `select ${PROJECT_COLUMNS} from un_agencies.project
          where ($1::text is null or countries @> array[$1::text])
            and ($2::text is null or focus_areas @> array[$2::text])
          order by id`,
        [filter.country ?? null, filter.focusArea ?? null],
      )
    },
  }
}

export type UnAgencyRepository = ReturnType<typeof unAgencyRepository>
