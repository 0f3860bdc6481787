// Per-request batching: one statement per batch of country codes or agency ids, results in key order.
import DataLoader from 'dataloader'
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js'
import { revisions, type Revision } from '../common/changes.ts'
import { isCountryCode } from '../common/countries.ts'
import type { AgencyRow, CountryRow, EmergencyNumberRow, GovernmentRepository, LawRow } from './repository.ts'

const englishNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

/**
 * Countries outside ASEAN (partners' headquarters such as AU, GB, US) have no stored record: they
 * resolve to an outline built from the same libraries the rest of the project trusts, so no
 * unsourced fact is stored and every valid code can be referenced.
 */
export function outlineCountry(code: string): CountryRow | null {
  if (!isCountryCode(code)) return null
  const name = englishNames.of(code) ?? code
  return {
    code,
    alpha3: null,
    numeric_code: null,
    names: [{ lang: 'en', value: name }],
    calling_code: `+${getCountryCallingCode(code as CountryCode)}`,
    trunk_prefix: null,
    time_zones: [],
    official_languages: [],
    asean_joined_on: null,
    source: 'Outline only, not a directory record: English name from CLDR (ICU), calling code from libphonenumber',
  }
}

function grouped<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string | null): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((k) => [k, []]))
  for (const row of rows) groups.get(keyOf(row) ?? '')?.push(row)
  return keys.map((k) => groups.get(k)!)
}

/** `includeRetired` is decided once per request, from who is asking. */
export function createLoaders(repo: GovernmentRepository, includeRetired: boolean) {
  return {
    country: new DataLoader<string, CountryRow | null>(async (codes) => {
      const rows = await repo.countriesByCodes(codes)
      const byCode = new Map(rows.map((r) => [r.code, r]))
      return codes.map((code) => byCode.get(code) ?? outlineCountry(code))
    }),
    emergencyNumbers: new DataLoader<string, EmergencyNumberRow[]>(async (codes) =>
      grouped(codes, await repo.emergencyNumbersByCountries(codes), (r) => r.country),
    ),
    laws: new DataLoader<string, LawRow[]>(async (codes) => grouped(codes, await repo.lawsByCountries(codes), (r) => r.country)),
    agency: new DataLoader<string, AgencyRow | null>(async (ids) => {
      const rows = await repo.agenciesByIds(ids)
      const byId = new Map(rows.map((r) => [r.id, r]))
      return ids.map((id) => byId.get(id) ?? null)
    }),
    agenciesByCountry: new DataLoader<string, AgencyRow[]>(async (codes) =>
      grouped(codes, await repo.agenciesByJurisdictions(codes, includeRetired), (r) => r.jurisdiction),
    ),
    changes: new DataLoader<string, Revision[]>(async (ids) => grouped(ids, revisions(await repo.changes(ids)), (r) => r.entityId)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
