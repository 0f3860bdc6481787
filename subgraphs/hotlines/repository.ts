// SQL only: harm types, services, their contact channels, change logs and the review queue.
import { assignments, currentVersion, readChanges, recordChanges, updateIfVersion, type ChangeEntry, type FieldChange, type VersionedTable, type WriteMeta } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { ChannelType, Visibility } from './contacts.ts'
import type { Schedule } from './schedule.ts'

export type HotlineKind = 'REPORTING_HOTLINE' | 'CHILD_HELPLINE' | 'LAW_ENFORCEMENT' | 'SOCIAL_WELFARE' | 'EMERGENCY'
export type HotlineStatus = 'ACTIVE' | 'SUSPENDED' | 'RETIRED'
export type ChannelStatus = 'ACTIVE' | 'RETIRED'

/** The service columns a write may set. */
export interface HotlineColumns {
  kind: HotlineKind
  names: LocalizedText[]
  descriptions: LocalizedText[]
  country: string | null
  serves: string[]
  international: boolean
  operator_id: string | null
  min_age: number | null
  max_age: number | null
  ages_note: LocalizedText[]
  languages: string[]
  schedule: Schedule | null
  source: string
  status: HotlineStatus
  verified: boolean
  verified_at: Date | null
  verified_by: string | null
}

export interface HotlineRow extends HotlineColumns {
  id: string
  platform_reporting: boolean
  rank: number
  version: number
  updated_at: Date
  updated_by: string | null
  updated_by_org: string | null
}

/** The channel columns a write may set (languages and schedule: the channel's own). */
export interface ChannelColumns {
  type: ChannelType
  value: string
  display: string
  e164: string | null
  dialable_in: string | null
  labels: LocalizedText[]
  languages: string[]
  visibility: Visibility
  free_of_charge: boolean | null
  schedule: Schedule | null
  inherits_schedule: boolean
  source: string
  status: ChannelStatus
  verified: boolean
  verified_at: Date | null
  verified_by: string | null
}

/** A channel as clients see it: languages and schedule fall back to the service's. */
export interface ChannelRow extends ChannelColumns {
  id: string
  hotline_id: string
  position: number
  version: number
  updated_at: Date
  /** The channel's own languages and hours, as written (the others are what clients see). */
  own_languages: string[]
  own_schedule: Schedule | null
  /** Its service's operator and status: who owns the channel, and whether the service is retired. */
  operator_id: string | null
  hotline_status: HotlineStatus
  /** Where its national numbers belong unless it says otherwise: the service's country (or the one its portal serves). */
  service_country: string | null
}

export interface HarmTypeRow {
  code: string
  labels: LocalizedText[]
  descriptions: LocalizedText[]
  national_terms: { country: string; term: string; meaning?: string; law?: string }[]
  crosswalk: { scheme: string; term: string; note?: string }[]
  sources: string[]
}

export interface StaleRow extends ChannelRow {
  country: string | null
  /** Null when the channel has not been checked since its last change. */
  days: number | null
}

export interface FreshnessRow {
  country: string | null
  channels: number
  verified: number
  unverified: number
  stale: number
  oldestVerifiedAt: Date | null
}

export interface ReviewRow {
  hotline_id: string
  /** Null when the item is the service itself. */
  channel_id: string | null
  country: string | null
  verified: boolean
  verified_at: Date | null
  waiting_since: Date
  days: number
  version: number
}

export type { WriteMeta }

const HOTLINE = `h.id, h.kind, h.names, h.descriptions, h.country, h.serves, h.international, h.platform_reporting,
  h.operator_id, h.min_age, h.max_age, h.ages_note, h.languages, h.schedule, h.rank, h.verified, h.verified_at, h.verified_by,
  h.source, h.status, h.version, h.updated_at, h.updated_by, h.updated_by_org`

const CHANNEL = `c.id, c.hotline_id, c.type, c.value, c.display, c.e164, c.dialable_in, c.labels,
  case when cardinality(c.languages) > 0 then c.languages else h.languages end as languages, c.languages as own_languages,
  c.visibility, c.free_of_charge, c.verified, c.verified_at, c.verified_by, c.source,
  case when c.inherits_schedule then h.schedule else c.schedule end as schedule, c.schedule as own_schedule, c.inherits_schedule,
  c.position, c.status, c.version, c.updated_at, h.operator_id, h.status as hotline_status,
  coalesce(h.country, h.serves[1]) as service_country`

const HARM = 'code, labels, descriptions, national_terms, crosswalk, sources'

export const HOTLINE_CHANGES = 'hotlines.hotline_change'
export const CHANNEL_CHANGES = 'hotlines.channel_change'

// How each writable column's parameter is typed; jsonb values are sent as JSON text.
const HOTLINE_CASTS: Record<keyof HotlineColumns, string> = {
  kind: 'text', names: 'jsonb', descriptions: 'jsonb', country: 'text', serves: 'text[]', international: 'boolean',
  operator_id: 'text', min_age: 'integer', max_age: 'integer', ages_note: 'jsonb', languages: 'text[]', schedule: 'jsonb',
  source: 'text', status: 'text', verified: 'boolean', verified_at: 'timestamptz', verified_by: 'text',
}
const CHANNEL_CASTS: Record<keyof ChannelColumns, string> = {
  type: 'text', value: 'text', display: 'text', e164: 'text', dialable_in: 'text', labels: 'jsonb', languages: 'text[]',
  visibility: 'text', free_of_charge: 'boolean', schedule: 'jsonb', inherits_schedule: 'boolean', source: 'text',
  status: 'text', verified: 'boolean', verified_at: 'timestamptz', verified_by: 'text',
}

const HOTLINES: VersionedTable = { table: 'hotlines.hotline', casts: HOTLINE_CASTS }
const CHANNELS: VersionedTable = { table: 'hotlines.channel', casts: CHANNEL_CASTS }

/** Writes only if the row is still at the expected version: of two writers that read the same version, one wins. */
const writtenIfVersion = async (db: Queryable, target: VersionedTable, id: string, expected: number, set: object, meta: WriteMeta) =>
  (await updateIfVersion(db, target, id, expected, set, meta)) !== null

async function insertRow(db: Queryable, table: string, casts: Record<string, string>, id: string, values: object, extra: Record<string, unknown>, meta: WriteMeta) {
  const a = assignments(casts, values, 5 + Object.keys(extra).length)
  const extraColumns = Object.keys(extra)
  const placeholders = [...extraColumns.map((_, i) => `$${i + 6}`), ...a.columns.map((c, i) => `$${i + 6 + extraColumns.length}::${casts[c]}`)]
  await db.query(
    `insert into ${table} (id, created_at, updated_at, updated_by, updated_by_org, ${[...extraColumns, ...a.columns].join(', ')})
     values ($1, $2, $3, $4, $5, ${placeholders.join(', ')})`,
    [id, meta.at, meta.at, meta.by, meta.org, ...Object.values(extra), ...a.params],
  )
}

// Not checked since the last change, or checked before the cutoff.
const needsCheck = (alias: string, cutoff: string) => `(${alias}.verified_at is null or ${alias}.verified_at < ${cutoff})`
const inCountry = (param: string) => `(${param}::text is null or h.country = ${param} or ${param} = any(h.serves))`

export function hotlineRepository(db: Queryable) {
  return {
    /** Services by id, whatever their status (callers decide who may see retired ones). */
    hotlinesByIds(ids: readonly string[]) {
      return db.query<HotlineRow>(`select ${HOTLINE} from hotlines.hotline h where h.id = any($1::text[])`, [ids])
    },

    /** Active services of these countries, and international ones with a portal for them. */
    hotlinesByCountries(codes: readonly string[]) {
      return db.query<HotlineRow>(
        `select ${HOTLINE} from hotlines.hotline h
          where h.status = 'ACTIVE' and (h.country = any($1::text[]) or h.serves && $1::text[])
          order by h.rank, h.id`,
        [codes],
      )
    },

    hotlinesByOperators(ids: readonly string[]) {
      return db.query<HotlineRow>(
        `select ${HOTLINE} from hotlines.hotline h where h.operator_id = any($1::text[]) and h.status = 'ACTIVE' order by h.rank, h.id`,
        [ids],
      )
    },

    search(filter: { country?: string | null; kind?: string | null; harm?: string | null; status: HotlineStatus }) {
      return db.query<HotlineRow>(
        `select ${HOTLINE} from hotlines.hotline h
          where h.status = $4
            and ($1::text is null or h.country = $1 or $1 = any(h.serves))
            and ($2::text is null or h.kind = $2)
            and ($3::text is null or exists (select 1 from hotlines.hotline_harm hh where hh.hotline_id = h.id and hh.harm_code = $3))
          order by h.country nulls last, h.kind, h.rank, h.id`,
        [filter.country ?? null, filter.kind ?? null, filter.harm ?? null, filter.status],
      )
    },

    /** Every active service that could be a step for this country and harm type, best first. */
    pathwayCandidates(country: string, harm: string) {
      return db.query<HotlineRow>(
        `select ${HOTLINE} from hotlines.hotline h
          where h.status = 'ACTIVE'
            and (h.country = $1 or $1 = any(h.serves) or h.international or h.platform_reporting)
            and exists (select 1 from hotlines.hotline_harm hh where hh.hotline_id = h.id and hh.harm_code = $2)
          order by h.rank, h.id`,
        [country, harm],
      )
    },

    harmTypesByCodes(codes: readonly string[]) {
      return db.query<HarmTypeRow>(`select ${HARM} from hotlines.harm_type where code = any($1::text[])`, [codes])
    },

    allHarmTypes() {
      return db.query<HarmTypeRow>(`select ${HARM} from hotlines.harm_type order by position, code`)
    },

    harmCodesByHotlines(ids: readonly string[]) {
      return db.query<{ hotline_id: string; harm_code: string }>(
        `select hh.hotline_id, hh.harm_code from hotlines.hotline_harm hh
           join hotlines.harm_type t on t.code = hh.harm_code
          where hh.hotline_id = any($1::text[]) order by t.position`,
        [ids],
      )
    },

    /** The channels in service of one visibility; `status` RETIRED lists the retired ones instead (every visibility). */
    channelsByHotlines(ids: readonly string[], visibility: Visibility | null, status: ChannelStatus = 'ACTIVE') {
      return db.query<ChannelRow>(
        `select ${CHANNEL} from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id
          where c.hotline_id = any($1::text[]) and ($2::text is null or c.visibility = $2) and c.status = $3
          order by c.position, c.id`,
        [ids, visibility, status],
      )
    },

    channelsByIds(ids: readonly string[]) {
      return db.query<ChannelRow>(
        `select ${CHANNEL} from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id where c.id = any($1::text[])`,
        [ids],
      )
    },

    /** Channels in service not checked since their last change or since `cutoff`, by country (international last), oldest first. */
    staleChannels(cutoff: Date, now: Date, country: string | null) {
      return db.query<StaleRow>(
        `select ${CHANNEL}, h.country,
                floor(extract(epoch from ($2::timestamptz - c.verified_at)) / 86400)::int as days
           from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id
          where c.status = 'ACTIVE' and h.status <> 'RETIRED' and ${needsCheck('c', '$1')} and ${inCountry('$3')}
          order by h.country nulls last, c.verified_at nulls first, c.id`,
        [cutoff, now, country],
      )
    },

    /**
     * Channels in service per services' country by freshness, with a zero row for each member
     * state that has none (a country without contacts is what the report must show); international last.
     */
    contactFreshness(cutoff: Date, members: readonly string[]) {
      return db.query<FreshnessRow>(
        `with counts as (
           select h.country, count(*)::int as channels,
                  count(*) filter (where c.verified_at >= $1 and c.verified)::int as verified,
                  count(*) filter (where c.verified_at >= $1 and not c.verified)::int as unverified,
                  count(*) filter (where ${needsCheck('c', '$1')})::int as stale,
                  min(c.verified_at) as oldest
             from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id
            where c.status = 'ACTIVE' and h.status <> 'RETIRED'
            group by h.country
         )
         select coalesce(k.country, m.country) as country, coalesce(k.channels, 0) as channels,
                coalesce(k.verified, 0) as verified, coalesce(k.unverified, 0) as unverified,
                coalesce(k.stale, 0) as stale, k.oldest as "oldestVerifiedAt"
           from counts k full join (select unnest($2::text[]) as country) m on m.country = k.country
          order by 1 nulls last`,
        [cutoff, members],
      )
    },

    /**
     * Services and channels in service that are unconfirmed or not checked since `cutoff`: by
     * country (international last), then the longest waiting first (since the last check, or
     * since the change that cleared it).
     */
    reviewQueue(cutoff: Date, now: Date, country: string | null) {
      return db.query<ReviewRow>(
        `with items as (
           select h.id as hotline_id, null::text as channel_id, h.country, h.verified, h.verified_at,
                  coalesce(h.verified_at, h.updated_at) as waiting_since, h.version
             from hotlines.hotline h
            where h.status <> 'RETIRED' and (not h.verified or ${needsCheck('h', '$1')}) and ${inCountry('$3')}
           union all
           select c.hotline_id, c.id, h.country, c.verified, c.verified_at, coalesce(c.verified_at, c.updated_at), c.version
             from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id
            where c.status = 'ACTIVE' and h.status <> 'RETIRED' and (not c.verified or ${needsCheck('c', '$1')}) and ${inCountry('$3')}
         )
         select hotline_id, channel_id, country, verified, verified_at, waiting_since, version,
                floor(extract(epoch from ($2::timestamptz - waiting_since)) / 86400)::int as days
           from items
          order by country nulls last, waiting_since, hotline_id, channel_id nulls first`,
        [cutoff, now, country],
      )
    },

    async insertHotline(id: string, values: HotlineColumns, meta: WriteMeta) {
      await insertRow(db, 'hotlines.hotline', HOTLINE_CASTS, id, values, {}, meta)
    },

    updateHotlineIfVersion: (id: string, expected: number, set: Partial<HotlineColumns>, meta: WriteMeta) =>
      writtenIfVersion(db, HOTLINES, id, expected, set, meta),

    currentHotlineVersion: (id: string) => currentVersion(db, HOTLINES, id),

    async setHarmTypes(hotlineId: string, codes: readonly string[]) {
      await db.query(`delete from hotlines.hotline_harm where hotline_id = $1`, [hotlineId])
      await db.query(`insert into hotlines.hotline_harm (hotline_id, harm_code) select $1, unnest($2::text[])`, [hotlineId, codes])
    },

    /** A new channel goes after the service's others. */
    async insertChannel(id: string, hotlineId: string, values: ChannelColumns, meta: WriteMeta) {
      const [{ next }] = (await db.query<{ next: number }>(
        `select coalesce(max(position) + 1, 0)::int as next from hotlines.channel where hotline_id = $1`,
        [hotlineId],
      )) as [{ next: number }]
      await insertRow(db, 'hotlines.channel', CHANNEL_CASTS, id, values, { hotline_id: hotlineId, position: next }, meta)
    },

    updateChannelIfVersion: (id: string, expected: number, set: Partial<ChannelColumns>, meta: WriteMeta) =>
      writtenIfVersion(db, CHANNELS, id, expected, set, meta),

    currentChannelVersion: (id: string) => currentVersion(db, CHANNELS, id),

    recordHotlineChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, HOTLINE_CHANGES, entry, changes),
    recordChannelChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, CHANNEL_CHANGES, entry, changes),
    hotlineChanges: (ids: readonly string[]) => readChanges(db, HOTLINE_CHANGES, ids),
    channelChanges: (ids: readonly string[]) => readChanges(db, CHANNEL_CHANGES, ids),
  }
}

export type HotlineRepository = ReturnType<typeof hotlineRepository>
