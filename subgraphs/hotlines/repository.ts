// SQL only: harm types, services and their contact channels.
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { ChannelType, Visibility } from './contacts.ts'
import type { Schedule } from './schedule.ts'

export type HotlineKind = 'REPORTING_HOTLINE' | 'CHILD_HELPLINE' | 'LAW_ENFORCEMENT' | 'SOCIAL_WELFARE' | 'EMERGENCY'

export interface HotlineRow {
  id: string
  kind: HotlineKind
  names: LocalizedText[]
  descriptions: LocalizedText[]
  country: string | null
  serves: string[]
  international: boolean
  platform_reporting: boolean
  operator_id: string | null
  min_age: number | null
  max_age: number | null
  ages_note: LocalizedText[]
  languages: string[]
  schedule: Schedule | null
  rank: number
  verified_at: Date
  source: string
  status: 'ACTIVE' | 'SUSPENDED' | 'RETIRED'
}

/** A channel as clients see it: languages and schedule fall back to the service's. */
export interface ChannelRow {
  id: string
  hotline_id: string
  type: ChannelType
  value: string
  display: string
  e164: string | null
  dialable_in: string | null
  labels: LocalizedText[]
  languages: string[]
  visibility: Visibility
  free_of_charge: boolean | null
  verified: boolean
  verified_at: Date
  source: string
  schedule: Schedule | null
  inherits_schedule: boolean
  position: number
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
  days: number
}

export interface FreshnessRow {
  country: string | null
  channels: number
  verified: number
  unverified: number
  stale: number
  oldestVerifiedAt: Date | null
}

export interface NewChannel extends Omit<ChannelRow, 'position' | 'schedule' | 'languages'> {
  languages: string[]
  schedule: Schedule | null
}

const HOTLINE = `h.id, h.kind, h.names, h.descriptions, h.country, h.serves, h.international, h.platform_reporting,
  h.operator_id, h.min_age, h.max_age, h.ages_note, h.languages, h.schedule, h.rank, h.verified_at, h.source, h.status`

const CHANNEL = `c.id, c.hotline_id, c.type, c.value, c.display, c.e164, c.dialable_in, c.labels,
  case when cardinality(c.languages) > 0 then c.languages else h.languages end as languages,
  c.visibility, c.free_of_charge, c.verified, c.verified_at, c.source,
  case when c.inherits_schedule then h.schedule else c.schedule end as schedule, c.inherits_schedule, c.position`

const HARM = 'code, labels, descriptions, national_terms, crosswalk, sources'

export function hotlineRepository(db: Queryable) {
  return {
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

    search(filter: { country?: string | null; kind?: string | null; harm?: string | null }) {
      return db.query<HotlineRow>(
        `select ${HOTLINE} from hotlines.hotline h
          where h.status = 'ACTIVE'
            and ($1::text is null or h.country = $1 or $1 = any(h.serves))
            and ($2::text is null or h.kind = $2)
            and ($3::text is null or exists (select 1 from hotlines.hotline_harm hh where hh.hotline_id = h.id and hh.harm_code = $3))
          order by h.country nulls last, h.kind, h.rank, h.id`,
        [filter.country ?? null, filter.kind ?? null, filter.harm ?? null],
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

    channelsByHotlines(ids: readonly string[], visibility: Visibility) {
      return db.query<ChannelRow>(
        `select ${CHANNEL} from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id
          where c.hotline_id = any($1::text[]) and c.visibility = $2
          order by c.position, c.id`,
        [ids, visibility],
      )
    },

    channelsByIds(ids: readonly string[]) {
      return db.query<ChannelRow>(
        `select ${CHANNEL} from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id where c.id = any($1::text[])`,
        [ids],
      )
    },

    /** Channels last verified before `cutoff`, by country (international last), oldest first. */
    staleChannels(cutoff: Date, now: Date, country: string | null) {
      return db.query<StaleRow>(
        `select ${CHANNEL}, h.country,
                floor(extract(epoch from ($2::timestamptz - c.verified_at)) / 86400)::int as days
           from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id
          where c.verified_at < $1 and ($3::text is null or h.country = $3 or $3 = any(h.serves))
          order by h.country nulls last, c.verified_at, c.id`,
        [cutoff, now, country],
      )
    },

    /**
     * Channels per services' country by freshness, with a zero row for each member state that has
     * none (a country without contacts is what the report must show); international last.
     */
    contactFreshness(cutoff: Date, members: readonly string[]) {
      return db.query<FreshnessRow>(
        `with counts as (
           select h.country, count(*)::int as channels,
                  count(*) filter (where c.verified_at >= $1 and c.verified)::int as verified,
                  count(*) filter (where c.verified_at >= $1 and not c.verified)::int as unverified,
                  count(*) filter (where c.verified_at < $1)::int as stale,
                  min(c.verified_at) as oldest
             from hotlines.channel c join hotlines.hotline h on h.id = c.hotline_id
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

    async insertChannel(row: NewChannel): Promise<void> {
      const { schedule, ...rest } = row
      await db.query(
        `insert into hotlines.channel (id, hotline_id, type, value, display, e164, dialable_in, labels, languages, visibility,
                free_of_charge, verified, verified_at, source, schedule, inherits_schedule, position)
         select r.id, r.hotline_id, r.type, r.value, r.display, r.e164, r.dialable_in, r.labels, r.languages, r.visibility,
                r.free_of_charge, r.verified, r.verified_at, r.source, $2::jsonb, r.inherits_schedule,
                coalesce((select max(position) + 1 from hotlines.channel where hotline_id = r.hotline_id), 0)
           from jsonb_populate_record(null::hotlines.channel, $1::jsonb) r`,
        [JSON.stringify(rest), schedule ? JSON.stringify(schedule) : null],
      )
    },

    /** Records a successful check; returns false when there is no such channel. */
    async confirmChannel(id: string, at: Date, source: string): Promise<boolean> {
      const rows = await db.query(
        `update hotlines.channel set verified = true, verified_at = $2, source = $3, updated_at = now() where id = $1 returning id`,
        [id, at, source],
      )
      return rows.length > 0
    },
  }
}

export type HotlineRepository = ReturnType<typeof hotlineRepository>
