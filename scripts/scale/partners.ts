// Generated partners (ids "scale-partner-…"): kinds, scopes and countries in roughly the mix the
// directory has, names in English and a local language, all marked as generated.
import type { Queryable } from '../../subgraphs/common/db.ts'
import { prng } from './commitments.ts'
import { Columns, COUNTRIES, pick, some, texts, type Country } from './vocabulary.ts'

export type Kind = 'GOVERNMENT' | 'TECH_COMPANY' | 'CIVIL_SOCIETY' | 'UN_AGENCY'

export interface GeneratedPartner {
  id: string
  kind: Kind
  countries: Country[]
}

const SQL = `insert into partners.partner
  (id, kind, names, descriptions, scope, countries, headquarters, website, focus_areas, verified, verified_at, source, sort_name, search_text, updated_by)
  select r.id, r.kind, r.names::jsonb, r.descriptions::jsonb, r.scope, string_to_array(r.countries, ','), r.hq, r.website,
         string_to_array(r.focus, ','), r.verified, r.verified_at::timestamptz, 'generated scale data', r.sort_name, r.search_text, 'scale'
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[],
                $11::text[], $12::text[], $13::text[])
         as r(id, kind, names, descriptions, scope, countries, hq, website, focus, verified, verified_at, sort_name, search_text)
  on conflict (id) do nothing`

function kindOf(x: number): Kind {
  if (x < 0.25) return 'GOVERNMENT'
  if (x < 0.4) return 'TECH_COMPANY'
  if (x < 0.9) return 'CIVIL_SOCIETY'
  return 'UN_AGENCY'
}

export const partnerId = (i: number) => `scale-partner-${String(i + 1).padStart(6, '0')}`

/** The partners a seed generates, without touching the database (the other generators need them). */
export function planPartners(count: number, seed: number): GeneratedPartner[] {
  const rnd = prng(seed)
  return Array.from({ length: count }, (_, i) => {
    const kind = kindOf(rnd.next())
    const wide = rnd.next()
    const countries = wide < 0.8 ? [pick(rnd, COUNTRIES)] : some(rnd, COUNTRIES, rnd.int(2, 6))
    return { id: partnerId(i), kind, countries }
  })
}

export async function generatePartners(db: Queryable, opts: { count: number; seed: number; batchSize?: number }): Promise<GeneratedPartner[]> {
  const planned = planPartners(opts.count, opts.seed)
  const rnd = prng(opts.seed + 1)
  const batchSize = opts.batchSize ?? 2000
  for (let start = 0; start < planned.length; start += batchSize) {
    const rows = new Columns(13)
    for (const p of planned.slice(start, start + batchSize)) {
      const serial = p.id.slice('scale-partner-'.length)
      const names = texts(rnd, 'partner', serial, p.countries[0]!)
      const descriptions = [{ lang: 'en', value: `Generated scale-test partner ${serial}; not a real organisation.` }]
      const scope = p.countries.length === 1 ? 'NATIONAL' : p.countries.length < 5 ? 'REGIONAL' : 'INTERNATIONAL'
      const focus = some(rnd, [1, 2, 3, 4, 5, 6, 7], rnd.int(1, 3)).map((n) => `rpa-2021-${n}`)
      const verified = rnd.next() < 0.85
      rows.push([
        p.id, p.kind, JSON.stringify(names), JSON.stringify(descriptions), scope, p.countries.join(','), p.countries[0],
        `https://example.org/scale/${p.id}`, focus.join(','), verified, verified ? '2025-06-01T00:00:00Z' : null,
        names[0]!.value.toLowerCase(), [...names, ...descriptions].map((x) => x.value).join(' ').toLowerCase(),
      ])
    }
    await db.query(SQL, rows.values)
  }
  return planned
}
