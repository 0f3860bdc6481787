// SQL only: the resource library, its change log and review queue.
import { assignments, currentVersion, readChanges, recordChanges, updateIfVersion, type ChangeEntry, type FieldChange, type VersionedTable, type WriteMeta } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { Cursor } from '../common/pagination.ts'

export type ResourceStatus = 'PUBLISHED' | 'RETIRED'

/** The columns a write may set. */
export interface ResourceColumns {
  kind: string
  titles: LocalizedText[]
  summaries: LocalizedText[]
  url: string | null
  languages: string[]
  audiences: string[]
  focus_areas: string[]
  harm_types: string[]
  countries: string[]
  publisher: string
  copublishers: string[]
  /** YYYY-MM-DD, read as text so no time zone can shift the day. */
  published_on: string | null
  published_year: number | null
  status: ResourceStatus
  source: string | null
  verified: boolean
  verified_at: Date | null
  verified_by: string | null
}

export interface ResourceRow extends ResourceColumns {
  id: string
  version: number
  updated_at: Date
  updated_by: string | null
  sort_title: string
}

export interface ReviewRow extends ResourceRow {
  waiting_since: Date
  days: number
}

export type { WriteMeta }

/** Already validated and canonicalised by the resolvers. */
export interface ResourceFilter {
  kind?: string | null
  audience?: string | null
  /** Lower-case canonical BCP 47 tag. */
  language?: string | null
  focusArea?: string | null
  country?: string | null
  publisher?: string | null
  text?: string | null
  status: ResourceStatus
}

const COLUMNS = `id, kind, titles, summaries, url, languages, audiences, focus_areas, harm_types, countries,
  publisher, copublishers, published_on::text as published_on, published_year, status, source, version,
  updated_at, updated_by, sort_title, verified, verified_at, verified_by`

const TABLE = 'resources.resource'
export const CHANGE_TABLE = 'resources.resource_change'

// How each writable column's parameter is typed; jsonb values are sent as JSON text.
const CASTS: Record<keyof ResourceColumns, string> = {
  kind: 'text', titles: 'jsonb', summaries: 'jsonb', url: 'text', languages: 'text[]', audiences: 'text[]',
  focus_areas: 'text[]', harm_types: 'text[]', countries: 'text[]', publisher: 'text', copublishers: 'text[]',
  published_on: 'date', published_year: 'integer', status: 'text', source: 'text', verified: 'boolean',
  verified_at: 'timestamptz', verified_by: 'text',
}

const RESOURCES: VersionedTable = { table: TABLE, casts: CASTS }

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function where(filter: ResourceFilter, params: unknown[]): string {
  const clauses: string[] = []
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value)
    clauses.push(sql(params.length))
  }
  add((n) => `status = $${n}`, filter.status)
  if (filter.kind) add((n) => `kind = $${n}`, filter.kind)
  if (filter.audience) add((n) => `audiences @> array[$${n}::text]`, filter.audience)
  if (filter.language) add((n) => `language_keys @> array[$${n}::text]`, filter.language)
  if (filter.focusArea) add((n) => `focus_areas @> array[$${n}::text]`, filter.focusArea)
  if (filter.country) add((n) => `countries @> array[$${n}::text]`, filter.country)
  if (filter.publisher) add((n) => `(publisher = $${n} or copublishers @> array[$${n}::text])`, filter.publisher)
  if (filter.text) {
    add((n) => `search_text ilike '%' || resources.search_normalize($${n}) || '%'`, escapeLike(filter.text))
  }
  return `where ${clauses.join(' and ')}`
}

export function resourceRepository(db: Queryable) {
  return {
    byIds(ids: readonly string[]) {
      return db.query<ResourceRow>(`select ${COLUMNS} from resources.resource where id = any($1::text[])`, [ids])
    },

    /** Published resources of many partners, lead or joint publisher, in one statement. */
    byPublishers(ids: readonly string[]) {
      return db.query<ResourceRow>(
        `select ${COLUMNS} from resources.resource
          where status = 'PUBLISHED' and (publisher = any($1::text[]) or copublishers && $1::text[])
          order by sort_title, id`,
        [ids],
      )
    },

    /** Published resources about many countries, in one statement. */
    byCountries(codes: readonly string[]) {
      return db.query<ResourceRow>(
        `select ${COLUMNS} from resources.resource
          where status = 'PUBLISHED' and countries && $1::text[]
          order by sort_title, id`,
        [codes],
      )
    },

    search(filter: ResourceFilter, limit: number, after: Cursor | null) {
      const params: unknown[] = []
      let sql = `select ${COLUMNS} from resources.resource ${where(filter, params)}`
      if (after) {
        params.push(after.key, after.id)
        sql += ` and (sort_title, id) > ($${params.length - 1}, $${params.length})`
      }
      params.push(limit + 1)
      return db.query<ResourceRow>(`${sql} order by sort_title, id limit $${params.length}`, params)
    },

    async count(filter: ResourceFilter) {
      const params: unknown[] = []
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from resources.resource ${where(filter, params)}`, params)
      return row!.n
    },

    async insert(id: string, values: ResourceColumns, meta: WriteMeta) {
      const a = assignments(CASTS, values, 5)
      await db.query(
        `insert into ${TABLE} (id, created_at, updated_at, updated_by, updated_by_org, ${a.columns.join(', ')})
         values ($1, $2, $3, $4, $5, ${a.placeholders.join(', ')})`,
        [id, meta.at, meta.at, meta.by, meta.org, ...a.params],
      )
    },

    /** Writes only if the row is still at the expected version: of two writers that read the same version, one wins. */
    async updateIfVersion(id: string, expected: number, set: Partial<ResourceColumns>, meta: WriteMeta) {
      return (await updateIfVersion(db, RESOURCES, id, expected, set, meta)) !== null
    },

    currentVersion: (id: string) => currentVersion(db, RESOURCES, id),

    recordChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, CHANGE_TABLE, entry, changes),

    changes: (ids: readonly string[]) => readChanges(db, CHANGE_TABLE, ids),

    /**
     * Published resources that are unconfirmed or not checked since `cutoff`, about one country
     * (or all, regional ones last), the longest waiting first.
     */
    reviewQueue(cutoff: Date, now: Date, country: string | null) {
      return db.query<ReviewRow>(
        `select ${COLUMNS}, coalesce(verified_at, updated_at) as waiting_since,
                floor(extract(epoch from ($2::timestamptz - coalesce(verified_at, updated_at))) / 86400)::int as days
           from ${TABLE}
          where status = 'PUBLISHED' and (not verified or verified_at is null or verified_at < $1)
            and ($3::text is null or countries @> array[$3::text])
          order by case when $3::text is null and cardinality(countries) = 0 then 1 else 0 end, coalesce(verified_at, updated_at), id`,
        [cutoff, now, country],
      )
    },
  }
}

export type ResourceRepository = ReturnType<typeof resourceRepository>
