// SQL only: the resource library.
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { Cursor } from '../common/pagination.ts'

export type ResourceStatus = 'PUBLISHED' | 'RETIRED'

export interface ResourceRow {
  id: string
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
  version: number
  updated_at: Date
  sort_title: string
}

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
  updated_at, sort_title`

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
  }
}

export type ResourceRepository = ReturnType<typeof resourceRepository>
