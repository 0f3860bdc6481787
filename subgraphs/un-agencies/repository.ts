// SQL only: UN agencies' details, their technical-assistance projects and the projects' change log.
import { currentVersion, readChanges, recordChanges, updateIfVersion, type ChangeEntry, type FieldChange, type VersionedTable, type WriteMeta } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'

export interface AgencyRow {
  id: string
  parent_organisation: string | null
  mandates: LocalizedText[]
  mandate_source: string | null
}

export type ProjectStatus = 'ONGOING' | 'COMPLETED' | 'NOT_CONFIRMED' | 'RETIRED'

/** The columns a write may set. */
export interface ProjectColumns {
  titles: LocalizedText[]
  summaries: LocalizedText[]
  countries: string[]
  focus_areas: string[]
  /** YYYY-MM-DD (selected as text so no time zone can shift the day). */
  started_on: string | null
  ended_on: string | null
  status: ProjectStatus
  source: string
}

export interface ProjectRow extends ProjectColumns {
  id: string
  agency_id: string
  version: number
}

export interface ProjectFilter {
  country?: string | null
  focusArea?: string | null
}

/** Whose retired projects a reader may see: all (staff), one agency's (its staff), or none. */
export interface Viewer {
  all: boolean
  agencyId: string | null
}

export type { WriteMeta }

const TABLE = 'un_agencies.project'
export const CHANGE_TABLE = 'un_agencies.project_change'
const PROJECT_COLUMNS = `id, agency_id, titles, summaries, countries, focus_areas,
  started_on::text as started_on, ended_on::text as ended_on, status, source, version`
const CASTS: Record<keyof ProjectColumns, string> = {
  titles: 'jsonb',
  summaries: 'jsonb',
  countries: 'text[]',
  focus_areas: 'text[]',
  started_on: 'date',
  ended_on: 'date',
  status: 'text',
  source: 'text',
}
const PROJECTS: VersionedTable = { table: TABLE, casts: CASTS }
const encode = (column: keyof ProjectColumns, value: unknown) => (CASTS[column] === 'jsonb' && value != null ? JSON.stringify(value) : value)

/** The visibility clause; the viewer's two parameters are $1 and $2. */
const VISIBLE = `(status <> 'RETIRED' or $1::boolean or agency_id = $2::text)`
const viewerParams = (viewer: Viewer) => [viewer.all, viewer.agencyId]

export function unAgencyRepository(db: Queryable) {
  return {
    agenciesByIds(ids: readonly string[]) {
      return db.query<AgencyRow>(
        'select id, parent_organisation, mandates, mandate_source from un_agencies.agency where id = any($1::text[])',
        [ids],
      )
    },

    projectsByIds(ids: readonly string[]) {
      return db.query<ProjectRow>(`select ${PROJECT_COLUMNS} from ${TABLE} where id = any($1::text[])`, [ids])
    },

    projectsByAgencies(ids: readonly string[], viewer: Viewer) {
      return db.query<ProjectRow>(
        `select ${PROJECT_COLUMNS} from ${TABLE} where ${VISIBLE} and agency_id = any($3::text[]) order by id`,
        [...viewerParams(viewer), ids],
      )
    },

    projectsByCountries(codes: readonly string[], viewer: Viewer) {
      return db.query<ProjectRow>(
        `select ${PROJECT_COLUMNS} from ${TABLE} where ${VISIBLE} and countries && $3::text[] order by id`,
        [...viewerParams(viewer), codes],
      )
    },

    projects(filter: ProjectFilter, viewer: Viewer) {
      return db.query<ProjectRow>(
        `select ${PROJECT_COLUMNS} from ${TABLE}
          where ${VISIBLE}
            and ($3::text is null or countries @> array[$3::text])
            and ($4::text is null or focus_areas @> array[$4::text])
          order by id`,
        [...viewerParams(viewer), filter.country ?? null, filter.focusArea ?? null],
      )
    },

    /** A project of an agency the registry knows but this subgraph has no details for gets an empty record. */
    /** An agency registered in the directory after the seed gets its (empty) record here on its first project. */
    async ensureAgency(id: string) {
      await db.query('insert into un_agencies.agency (id) values ($1) on conflict (id) do nothing', [id])
    },

    async insertProject(id: string, agencyId: string, values: ProjectColumns, meta: WriteMeta) {
      await db.query('insert into un_agencies.agency (id) values ($1) on conflict (id) do nothing', [agencyId])
      const columns = Object.keys(CASTS) as (keyof ProjectColumns)[]
      const params: unknown[] = [id, agencyId, meta.at, meta.by, meta.org, ...columns.map((c) => encode(c, values[c]))]
      const [row] = await db.query<ProjectRow>(
        `insert into ${TABLE} (id, agency_id, created_at, updated_at, updated_by, updated_by_org, ${columns.join(', ')})
         values ($1, $2, $3, $3, $4, $5, ${columns.map((c, i) => `$${i + 6}::${CASTS[c]}`).join(', ')})
         returning ${PROJECT_COLUMNS}`,
        params,
      )
      return row!
    },

    /** Writes only if the project is still at `expectedVersion` (null otherwise). */
    updateProjectIfVersion: (id: string, expectedVersion: number, set: Partial<ProjectColumns>, meta: WriteMeta) =>
      updateIfVersion<ProjectRow>(db, PROJECTS, id, expectedVersion, set, meta, PROJECT_COLUMNS),

    projectVersion: (id: string) => currentVersion(db, PROJECTS, id),

    recordChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, CHANGE_TABLE, entry, changes),

    changes: (ids: readonly string[]) => readChanges(db, CHANGE_TABLE, ids),
  }
}

export type UnAgencyRepository = ReturnType<typeof unAgencyRepository>
