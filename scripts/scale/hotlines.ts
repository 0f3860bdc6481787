// Generated services (ids "scale-hotline-…") with harm types, opening hours and contact channels.
// Generated contacts are never dialable: every channel is an example.org address or page, and
// restricted ones say they are examples.
import type { Queryable } from '../../subgraphs/common/db.ts'
import { HARM_CODES } from '../../subgraphs/hotlines/seed/harm-types.ts'
import type { Schedule } from '../../subgraphs/hotlines/schedule.ts'
import { prng } from './commitments.ts'
import type { GeneratedPartner } from './partners.ts'
import { Columns, COUNTRIES, dayBetween, LANGUAGES, pick, some, texts, TIME_ZONES, type Country, type Rnd } from './vocabulary.ts'

const HOTLINES = `insert into hotlines.hotline
  (id, kind, names, descriptions, country, serves, international, operator_id, min_age, max_age, languages, schedule, rank, verified_at, source, status)
  select r.id, r.kind, r.names::jsonb, r.descriptions::jsonb, r.country, string_to_array(r.serves, ','), r.international, r.operator,
         r.min_age, r.max_age, string_to_array(r.languages, ','), r.schedule::jsonb, r.rank, r.verified_at::timestamptz, 'generated scale data', r.status
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::text[], $9::int[], $10::int[],
                $11::text[], $12::text[], $13::int[], $14::text[], $15::text[])
         as r(id, kind, names, descriptions, country, serves, international, operator, min_age, max_age, languages, schedule, rank, verified_at, status)
  on conflict (id) do nothing`

const HARMS = `insert into hotlines.hotline_harm (hotline_id, harm_code)
  select * from unnest($1::text[], $2::text[]) on conflict do nothing`

const CHANNELS = `insert into hotlines.channel
  (id, hotline_id, type, value, display, labels, visibility, free_of_charge, verified, verified_at, source, schedule, inherits_schedule, position)
  select r.id, r.hotline, r.type, r.value, r.value, r.labels::jsonb, r.visibility, r.free, r.verified, r.verified_at::timestamptz,
         'generated scale data', r.schedule::jsonb, r.schedule is null, r.position
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::bool[], $9::text[], $10::text[], $11::int[])
         as r(id, hotline, type, value, labels, visibility, free, verified, verified_at, schedule, position)
  on conflict (id) do nothing`

const KINDS = ['REPORTING_HOTLINE', 'CHILD_HELPLINE', 'CHILD_HELPLINE', 'LAW_ENFORCEMENT', 'SOCIAL_WELFARE', 'SOCIAL_WELFARE', 'EMERGENCY'] as const
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const

/** Always open, office hours, evening hours past midnight, or unknown. */
function schedule(rnd: Rnd, country: Country | null): Schedule | null {
  const timeZone = country ? pick(rnd, TIME_ZONES[country]) : 'UTC'
  const x = rnd.next()
  if (x < 0.4) return { timeZone, alwaysOpen: true, intervals: [] }
  if (x < 0.75) return { timeZone, alwaysOpen: false, intervals: WEEKDAYS.map((day) => ({ day, opens: '08:00', closes: '17:00' })) }
  if (x < 0.85) return { timeZone, alwaysOpen: false, intervals: WEEKDAYS.map((day) => ({ day, opens: '18:00', closes: '02:00' })) }
  return null
}

export async function generateHotlines(
  db: Queryable,
  opts: { count: number; seed: number; operators: readonly GeneratedPartner[]; batchSize?: number },
): Promise<{ hotlines: number; channels: number }> {
  const rnd = prng(opts.seed)
  const batchSize = opts.batchSize ?? 2000
  let channels = 0
  for (let start = 0; start < opts.count; start += batchSize) {
    const [hotlines, harms, chans] = [new Columns(15), new Columns(2), new Columns(11)]
    for (let i = start; i < Math.min(start + batchSize, opts.count); i++) {
      const id = `scale-hotline-${String(i + 1).padStart(6, '0')}`
      const international = rnd.next() < 0.03
      const country = international ? null : pick(rnd, COUNTRIES)
      const operator = rnd.next() < 0.85 && opts.operators.length ? pick(rnd, opts.operators) : null
      const languages = country ? LANGUAGES[country] : ['en']
      const hours = schedule(rnd, country)
      const child = rnd.next() < 0.5
      const x = rnd.next()
      hotlines.push([
        id, pick(rnd, international ? ['REPORTING_HOTLINE'] : KINDS), JSON.stringify(texts(rnd, 'service', id.slice(14), country)),
        JSON.stringify([{ lang: 'en', value: 'Generated scale-test service; not a real hotline.' }]), country,
        international ? some(rnd, COUNTRIES, 1).join(',') : '', international, operator?.id ?? null, child ? rnd.int(0, 6) : null,
        child ? 18 : null, languages.join(','), hours && JSON.stringify(hours), rnd.int(1, 500),
        `${dayBetween(rnd, '2024-01-01', '2026-03-01')}T00:00:00Z`, x < 0.95 ? 'ACTIVE' : x < 0.98 ? 'SUSPENDED' : 'RETIRED',
      ])
      for (const code of some(rnd, HARM_CODES, rnd.int(1, 5))) harms.push([id, code])
      const n = rnd.int(1, 4)
      for (let k = 0; k < n; k++) {
        const visibility = k === 0 ? 'PUBLIC' : pick(rnd, ['PUBLIC', 'PUBLIC', 'PARTNERS', 'RESTRICTED'])
        const restricted = visibility === 'RESTRICTED'
        const type = restricted || visibility === 'PARTNERS' ? 'EMAIL' : pick(rnd, ['WEBSITE', 'WEB_FORM', 'WEB_CHAT', 'EMAIL'])
        const value = type === 'EMAIL' ? `${restricted ? 'escalation-example-' : ''}${id}-${k}@example.org` : `https://example.org/scale/${id}/${type.toLowerCase()}`
        const label = restricted ? 'Example escalation contact (generated scale data, not a real route)' : 'Generated scale-test channel'
        const own = rnd.next() < 0.2 ? schedule(rnd, country) : null
        chans.push([
          `${id}-${k}`, id, type, value, JSON.stringify([{ lang: 'en', value: label }]), visibility, rnd.next() < 0.7, rnd.next() < 0.8,
          `${dayBetween(rnd, '2024-01-01', '2026-03-01')}T00:00:00Z`, own && JSON.stringify(own), k,
        ])
      }
    }
    await db.query(HOTLINES, hotlines.values)
    await db.query(HARMS, harms.values)
    await db.query(CHANNELS, chans.values)
    channels += chans.length
  }
  return { hotlines: opts.count, channels }
}
