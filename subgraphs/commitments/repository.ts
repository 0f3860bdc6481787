// SQL only: plans and their focus areas, the MNR capabilities, commitments and their progress,
// and the Secretariat's reports (aggregated here, in SQL, never row by row in Node).
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'
import type { Cursor } from '../common/pagination.ts'

export type CommitmentStatus = 'PLEDGED' | 'IN_PROGRESS' | 'COMPLETED' | 'LAPSED'

export interface PlanRow {
  code: string
  titles: LocalizedText[]
  period_start: string
  period_end: string
  status: 'DRAFT' | 'PRESENTED' | 'ADOPTED'
  milestones: { when: string; event: string }[]
  source: string
}

export interface FocusAreaRow {
  code: string
  plan: string
  number: number
  labels: LocalizedText[]
}

export interface MnrCapabilityRow {
  code: string
  number: number
  domain: string
  labels: LocalizedText[]
}

export interface CommitmentRow {
  id: string
  partner_id: string
  plan: string
  focus_area: string
  mnr_capability: string | null
  countries: string[]
  titles: LocalizedText[]
  status: CommitmentStatus
  pledged_on: string
  target_date: string | null
  source: string
  updated_at: Date
}

export interface ProgressRow {
  id: string
  commitment_id: string
  date: string
  percent: number
  note: string
  author: string
  recorded_at: Date
}

export interface CommitmentFilter {
  focusArea?: string | null
  country?: string | null
  status?: CommitmentStatus | null
  partner?: string | null
  plan?: string | null
}

export interface NewProgress {
  id: string
  commitmentId: string
  date: string
  percent: number
  note: string
  author: string
  authorRole: string
  authorOrg: string | null
}

// Dates leave the database as text: node-pg would turn a date into a local-time Date.
const PLAN = `code, titles, period_start::text, period_end::text, status, milestones, source`
const COMMITMENT = `c.id, c.partner_id, c.plan, c.focus_area, c.mnr_capability, c.countries, c.titles, c.status,
  c.pledged_on::text, c.target_date::text, c.source, c.updated_at`
const PROGRESS = `id, commitment_id, date::text, percent, note, author, recorded_at`

function where(filter: CommitmentFilter, params: unknown[]): string[] {
  const clauses: string[] = []
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value)
    clauses.push(sql(params.length))
  }
  if (filter.focusArea) add((n) => `c.focus_area = $${n}`, filter.focusArea)
  if (filter.country) add((n) => `c.countries @> array[$${n}::text]`, filter.country)
  if (filter.status) add((n) => `c.status = $${n}`, filter.status)
  if (filter.partner) add((n) => `c.partner_id = $${n}`, filter.partner)
  if (filter.plan) add((n) => `c.plan = $${n}`, filter.plan)
  return clauses
}

export function commitmentRepository(db: Queryable) {
  return {
    plans(codes: readonly string[] | null) {
      return db.query<PlanRow>(`select ${PLAN} from commitments.plan where $1::text[] is null or code = any($1) order by period_start`, [codes])
    },

    focusAreas(codes: readonly string[] | null, plans: readonly string[] | null) {
      return db.query<FocusAreaRow>(
        `select code, plan, number, labels from commitments.focus_area
          where ($1::text[] is null or code = any($1)) and ($2::text[] is null or plan = any($2))
          order by plan, number`,
        [codes, plans],
      )
    },

    mnrCapabilities(codes: readonly string[] | null, domain: string | null) {
      return db.query<MnrCapabilityRow>(
        `select code, number, domain, labels from commitments.mnr_capability
          where ($1::text[] is null or code = any($1)) and ($2::text is null or domain = $2) order by number`,
        [codes, domain],
      )
    },

    byIds(ids: readonly string[]) {
      return db.query<CommitmentRow>(`select ${COMMITMENT} from commitments.commitment c where c.id = any($1::text[])`, [ids])
    },

    byPartners(partnerIds: readonly string[]) {
      return db.query<CommitmentRow>(
        `select ${COMMITMENT} from commitments.commitment c where c.partner_id = any($1::text[]) order by c.pledged_on desc, c.id desc`,
        [partnerIds],
      )
    },

    /** One statement for a batch of (country, status) pairs; status null means any. */
    byCountries(keys: readonly { code: string; status: CommitmentStatus | null }[]) {
      return db.query<CommitmentRow & { key_code: string; key_status: string | null }>(
        `select k.code as key_code, k.status as key_status, ${COMMITMENT}
           from unnest($1::text[], $2::text[]) as k(code, status)
           join commitments.commitment c on c.countries @> array[k.code] and (k.status is null or c.status = k.status)
          order by c.pledged_on desc, c.id desc`,
        [keys.map((k) => k.code), keys.map((k) => k.status)],
      )
    },

    progress(commitmentIds: readonly string[]) {
      return db.query<ProgressRow>(
        `select ${PROGRESS} from commitments.progress_update where commitment_id = any($1::text[])
          order by commitment_id, date, recorded_at, id`,
        [commitmentIds],
      )
    },

    latestProgress(commitmentIds: readonly string[]) {
      return db.query<ProgressRow>(
        `select distinct on (commitment_id) ${PROGRESS} from commitments.progress_update
          where commitment_id = any($1::text[]) order by commitment_id, date desc, recorded_at desc, id desc`,
        [commitmentIds],
      )
    },

    search(filter: CommitmentFilter, limit: number, after: Cursor | null) {
      const params: unknown[] = []
      const clauses = where(filter, params)
      if (after) {
        params.push(after.key, after.id)
        clauses.push(`(c.pledged_on, c.id) < ($${params.length - 1}::date, $${params.length})`)
      }
      params.push(limit + 1)
      const conditions = clauses.length ? `where ${clauses.join(' and ')}` : ''
      return db.query<CommitmentRow>(
        `select ${COMMITMENT} from commitments.commitment c ${conditions} order by c.pledged_on desc, c.id desc limit $${params.length}`,
        params,
      )
    },

    async count(filter: CommitmentFilter) {
      const params: unknown[] = []
      const clauses = where(filter, params)
      const conditions = clauses.length ? `where ${clauses.join(' and ')}` : ''
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from commitments.commitment c ${conditions}`, params)
      return row!.n
    },

    /**
     * Adds a progress update and brings the commitment's status in line with its latest-dated
     * update. The row lock first, so that two reports at once each see the other's update.
     */
    async recordProgress(p: NewProgress): Promise<CommitmentRow> {
      await db.query(`select 1 from commitments.commitment where id = $1 for update`, [p.commitmentId])
      await db.query(
        `insert into commitments.progress_update (id, commitment_id, date, percent, note, author, author_role, author_org)
         values ($1, $2, $3::date, $4, $5, $6, $7, $8)`,
        [p.id, p.commitmentId, p.date, p.percent, p.note, p.author, p.authorRole, p.authorOrg],
      )
      const [row] = await db.query<CommitmentRow>(
        `with s as (
           select min(date) filter (where percent > 0) as started_on,
                  max(date) filter (where percent < 100) as last_below,
                  max(date) as last_date,
                  (array_agg(percent order by date desc, recorded_at desc, id desc))[1] as latest
             from commitments.progress_update where commitment_id = $1
         ), f as (
           select s.*, coalesce((select min(p.date) from commitments.progress_update p
                                  where p.commitment_id = $1 and p.percent = 100
                                    and (s.last_below is null or p.date > s.last_below)), s.last_date) as completed_on
             from s
         )
         update commitments.commitment c set
           started_on = f.started_on,
           status = case when c.status = 'LAPSED' then 'LAPSED' when f.latest = 100 then 'COMPLETED'
                         when f.started_on is not null then 'IN_PROGRESS' else 'PLEDGED' end,
           closed_on = case when c.status = 'LAPSED' then c.closed_on when f.latest = 100 then f.completed_on end,
           version = c.version + 1, updated_at = now(), updated_by = $2
         from f where c.id = $1
         returning ${COMMITMENT}`,
        [p.commitmentId, p.author],
      )
      return row!
    },
  }
}

export type CommitmentRepository = ReturnType<typeof commitmentRepository>

// A commitment's status on day d, from its current status and the days it started and closed.
const statusOn = (d: string) =>
  `case when c.closed_on <= ${d} then c.status when c.started_on <= ${d} then 'IN_PROGRESS' else 'PLEDGED' end`

const STATUS_COUNTS = `count(k.status) filter (where k.status = 'PLEDGED')::int as pledged,
  count(k.status) filter (where k.status = 'IN_PROGRESS')::int as "inProgress",
  count(k.status) filter (where k.status = 'COMPLETED')::int as completed,
  count(k.status) filter (where k.status = 'LAPSED')::int as lapsed,
  count(k.status)::int as total`

export interface StatusCounts {
  pledged: number
  inProgress: number
  completed: number
  lapsed: number
  total: number
}

export interface FocusAreaCountRow extends StatusCounts {
  focusArea: string
  focusAreaNumber: number
  labels: LocalizedText[]
  country: string
}

export interface CoverageGapRow {
  focusArea: string
  focusAreaNumber: number
  labels: LocalizedText[]
  country: string
}

export interface ProgressPointRow {
  periodStart: string
  periodEnd: string
  commitments: number
  averagePercent: number | null
}

export interface PartnerCountRow extends StatusCounts {
  partnerId: string
}

export type IntervalUnit = 'month' | 'quarter' | 'year'
const STEP: Record<IntervalUnit, string> = { month: '1 month', quarter: '3 months', year: '1 year' }

export function reportRepository(db: Queryable) {
  return {
    /** Member states on the period's last day x the plan's focus areas, zeros included. */
    countsByFocusArea(from: string, to: string, plan: string) {
      return db.query<FocusAreaCountRow>(
        `with members as (
           select country from commitments.asean_membership where joined_on <= $2::date
         ), counts as (
           select k.focus_area, k.country, ${STATUS_COUNTS}
             from (select c.focus_area, cc.country, ${statusOn('$2::date')} as status
                     from commitments.commitment c cross join unnest(c.countries) as cc(country)
                    where c.plan = $3 and c.pledged_on between $1::date and $2::date) as k
            group by k.focus_area, k.country
         )
         select fa.code as "focusArea", fa.number as "focusAreaNumber", fa.labels, m.country,
                coalesce(n.pledged, 0) as pledged, coalesce(n."inProgress", 0) as "inProgress", coalesce(n.completed, 0) as completed,
                coalesce(n.lapsed, 0) as lapsed, coalesce(n.total, 0) as total
           from commitments.focus_area fa
          cross join members m
           left join counts n on n.focus_area = fa.code and n.country = m.country
          where fa.plan = $3
          order by fa.number, m.country`,
        [from, to, plan],
      )
    },

    /** Pairs of focus area and member state (on asOf) with nothing pledged or in progress that day. */
    coverageGaps(asOf: string, plan: string) {
      return db.query<CoverageGapRow>(
        `with members as (
           select country from commitments.asean_membership where joined_on <= $1::date
         ), active as (
           select distinct c.focus_area, cc.country
             from commitments.commitment c cross join unnest(c.countries) as cc(country)
            where c.plan = $2 and c.pledged_on <= $1::date and (c.closed_on is null or c.closed_on > $1::date)
         )
         select fa.code as "focusArea", fa.number as "focusAreaNumber", fa.labels, m.country
           from commitments.focus_area fa cross join members m
          where fa.plan = $2
            and not exists (select 1 from active a where a.focus_area = fa.code and a.country = m.country)
          order by fa.number, m.country`,
        [asOf, plan],
      )
    },

    /**
     * Per interval: commitments counted by its last day and their average latest percent that
     * day, as running sums of events. A commitment adds 1 to the count from the day it counts
     * (pledged, and one of its countries a member); each report adds its change over the previous
     * one, from its date or that day, whichever is later. The sums on an interval's last day are
     * then the count and the total of latest percents: no join of intervals against reports.
     */
    progressOverTime(focusArea: string, country: string | null, unit: IntervalUnit, from: string, to: string) {
      return db.query<ProgressPointRow>(
        `with scope as (
           select c.id, greatest(c.pledged_on, min(m.joined_on)) as counts_from
             from commitments.commitment c
             join commitments.asean_membership m on m.country = any(c.countries) and ($2::text is null or m.country = $2)
            where c.focus_area = $1 and ($2::text is null or c.countries @> array[$2::text])
            group by c.id, c.pledged_on
         ), events as (
           select s.counts_from as day, 1 as n, 0 as delta from scope s
           union all
           select greatest(p.date, s.counts_from), 0,
                  p.percent - coalesce(lag(p.percent) over (partition by p.commitment_id order by p.date, p.recorded_at, p.id), 0)
             from commitments.progress_update p join scope s on s.id = p.commitment_id
         ), per_interval as (
           select greatest(date_trunc($6, day::timestamp), date_trunc($6, $4::date::timestamp))::date as period_start,
                  sum(n) as n, sum(delta) as delta
             from events where day <= $5::date group by 1
         ), intervals as (
           select b::date as period_start, least((b + $3::interval - interval '1 day')::date, $5::date) as period_end
             from generate_series(date_trunc($6, $4::date::timestamp), $5::date::timestamp, $3::interval) as b
         ), running as (
           select i.period_start, i.period_end,
                  sum(coalesce(e.n, 0)) over w as n, sum(coalesce(e.delta, 0)) over w as percent_sum
             from intervals i left join per_interval e on e.period_start = i.period_start
           window w as (order by i.period_start)
         )
         select period_start::text as "periodStart", period_end::text as "periodEnd", n::int as commitments,
                round(percent_sum / nullif(n, 0), 1)::float8 as "averagePercent"
           from running order by period_start`,
        [focusArea, country, STEP[unit], from, to, unit],
      )
    },

    partnerCounts(plan: string, asOf: string) {
      return db.query<PartnerCountRow>(
        `select k.partner_id as "partnerId", ${STATUS_COUNTS}
           from (select c.partner_id, ${statusOn('$2::date')} as status
                   from commitments.commitment c where c.plan = $1 and c.pledged_on <= $2::date) as k
          group by k.partner_id
          order by total desc, k.partner_id`,
        [plan, asOf],
      )
    },
  }
}

export type ReportRepository = ReturnType<typeof reportRepository>
