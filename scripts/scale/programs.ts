// Generated program listings (ids "scale-program-…") owned by generated civil-society
// organisations and UN agencies, with the search text the civil-society subgraph itself stores.
import type { Queryable } from '../../subgraphs/common/db.ts'
import { FOCUS_AREAS, HARM_TYPES } from '../../subgraphs/civil-society/input.ts'
import { searchText } from '../../subgraphs/civil-society/search.ts'
import { prng } from './commitments.ts'
import type { GeneratedPartner } from './partners.ts'
import { Columns, dayBetween, pick, some, texts } from './vocabulary.ts'

const SQL = `insert into civil_society.program
  (id, owner_id, owner_kind, titles, descriptions, countries, focus_areas, harm_types, audiences, status, starts_on, ends_on,
   website, email, contacts_source, contacts_verified_at, search_text, updated_by, updated_by_org)
  select r.id, r.owner, r.owner_kind, r.titles::jsonb, r.descriptions::jsonb, string_to_array(r.countries, ','), string_to_array(r.focus, ','),
         string_to_array(r.harms, ','), string_to_array(r.audiences, ','), r.status, r.starts::date, r.ends::date,
         r.website, r.email, 'generated scale data', r.verified_at::timestamptz, r.search_text, 'scale', r.owner
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
         as r(id, owner, owner_kind, titles, descriptions, countries, focus, harms, audiences, status, starts, ends, website, email, verified_at, search_text)
  on conflict (id) do nothing`

const AUDIENCES = ['CHILDREN', 'PARENTS', 'TEACHERS', 'LAW_ENFORCEMENT', 'INDUSTRY', 'POLICYMAKERS'] as const

function status(x: number) {
  if (x < 0.7) return 'ACTIVE'
  if (x < 0.8) return 'PLANNED'
  if (x < 0.95) return 'ENDED'
  return 'ARCHIVED'
}

export async function generatePrograms(
  db: Queryable,
  opts: { count: number; seed: number; owners: readonly GeneratedPartner[]; batchSize?: number },
): Promise<number> {
  const owners = opts.owners.filter((p) => p.kind === 'CIVIL_SOCIETY' || p.kind === 'UN_AGENCY')
  if (opts.count === 0) return 0
  if (!owners.length) throw new Error('Programs need generated civil-society organisations or UN agencies as owners')
  const rnd = prng(opts.seed)
  const batchSize = opts.batchSize ?? 5000
  for (let start = 0; start < opts.count; start += batchSize) {
    const rows = new Columns(16)
    for (let i = start; i < Math.min(start + batchSize, opts.count); i++) {
      const id = `scale-program-${String(i + 1).padStart(7, '0')}`
      const owner = pick(rnd, owners)
      const countries = some(rnd, owner.countries, rnd.int(1, 3))
      const titles = texts(rnd, 'program', id.slice(14), countries[0]!)
      const descriptions = [{ lang: 'en', value: 'Generated scale-test program; not a real listing.' }]
      const starts = dayBetween(rnd, '2018-01-01', '2026-01-01')
      const s = status(rnd.next())
      rows.push([
        id, owner.id, owner.kind, JSON.stringify(titles), JSON.stringify(descriptions), countries.join(','),
        some(rnd, FOCUS_AREAS, rnd.int(1, 3)).join(','), some(rnd, HARM_TYPES, rnd.int(0, 3)).join(','),
        some(rnd, AUDIENCES, rnd.int(1, 3)).join(','), s, starts, s === 'ENDED' ? dayBetween(rnd, starts, '2026-03-01') : null,
        `https://example.org/scale/${id}`, `${id}@example.org`, `${dayBetween(rnd, '2025-01-01', '2026-03-01')}T00:00:00Z`,
        searchText([...titles, ...descriptions]),
      ])
    }
    await db.query(SQL, rows.values)
  }
  return opts.count
}
