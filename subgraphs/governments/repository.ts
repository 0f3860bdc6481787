// SQL only: countries, their emergency numbers and laws, and government agencies' details with
// their change log.
import { currentVersion, readChanges, recordChanges, updateIfVersion, type ChangeEntry, type FieldChange, type VersionedTable, type WriteMeta } from '../common/changes.ts'
import type { Queryable } from '../common/db.ts'
import type { LocalizedText } from '../common/i18n.ts'

export interface CountryRow {
  code: string
  alpha3: string | null
  numeric_code: string | null
  names: LocalizedText[]
  calling_code: string
  trunk_prefix: string | null
  time_zones: string[]
  official_languages: string[]
  /** YYYY-MM-DD (selected as text so no time zone can shift the day). */
  asean_joined_on: string | null
  source: string
}

export interface EmergencyNumberRow {
  country: string
  number: string
  service: 'POLICE' | 'AMBULANCE' | 'FIRE' | 'GENERAL' | null
  source: string
}

export interface LawRow {
  id: string
  country: string
  title: string
  year: number
  summaries: LocalizedText[]
  in_force: boolean
  repealed_by: string | null
  source: string
}

export type AgencyType = 'MINISTRY' | 'LAW_ENFORCEMENT_UNIT' | 'COMMISSION' | 'ASEAN_BODY' | 'INTERGOVERNMENTAL'

export interface AgencyRow {
  id: string
  agency_type: AgencyType
  mandates: LocalizedText[]
  mandate_source: string | null
  parent_id: string | null
  jurisdiction: string | null
  specialised: boolean
  version: number
  /** Set while the agency is withdrawn from public answers. */
  retired_at: Date | null
}

/** The columns a write may set. */
export type AgencyColumns = Pick<AgencyRow, 'mandates' | 'mandate_source' | 'retired_at'>

export type { WriteMeta }

export const CHANGE_TABLE = 'governments.agency_change'

const COUNTRY_COLUMNS = `code, alpha3, numeric_code, names, calling_code, trunk_prefix, time_zones,
  official_languages, asean_joined_on::text as asean_joined_on, source`
const AGENCY_COLUMNS = 'id, agency_type, mandates, mandate_source, parent_id, jurisdiction, specialised, version, retired_at'
const CASTS: Record<keyof AgencyColumns, string> = { mandates: 'jsonb', mandate_source: 'text', retired_at: 'timestamptz' }
const AGENCIES: VersionedTable = { table: 'governments.agency', casts: CASTS }

export function governmentRepository(db: Queryable) {
  return {
    countriesByCodes(codes: readonly string[]) {
      return db.query<CountryRow>(`select ${COUNTRY_COLUMNS} from governments.country where code = any($1::text[])`, [codes])
    },

    /** Every country with a full record; with a date, only the ASEAN members on that date. */
    countries(memberOn: string | null) {
      return db.query<CountryRow>(
        `select ${COUNTRY_COLUMNS} from governments.country
          where $1::date is null or asean_joined_on <= $1::date
          order by sort_name, code`,
        [memberOn],
      )
    },

    emergencyNumbersByCountries(codes: readonly string[]) {
      return db.query<EmergencyNumberRow>(
        `select country, number, service, source from governments.emergency_number
          where country = any($1::text[]) order by country, number`,
        [codes],
      )
    },

    lawsByCountries(codes: readonly string[]) {
      return db.query<LawRow>(
        `select id, country, title, year, summaries, in_force, repealed_by, source from governments.national_law
          where country = any($1::text[]) order by country, year desc, id`,
        [codes],
      )
    },

    agenciesByIds(ids: readonly string[]) {
      return db.query<AgencyRow>(`select ${AGENCY_COLUMNS} from governments.agency where id = any($1::text[])`, [ids])
    },

    /** Retired agencies only when `includeRetired` (the Secretariat asking). */
    agenciesByJurisdictions(codes: readonly string[], includeRetired: boolean) {
      return db.query<AgencyRow>(
        `select ${AGENCY_COLUMNS} from governments.agency
          where jurisdiction = any($1::text[]) and (retired_at is null or $2::boolean) order by jurisdiction, id`,
        [codes, includeRetired],
      )
    },

    agenciesOfType(type: AgencyRow['agency_type'], includeRetired: boolean) {
      return db.query<AgencyRow>(
        `select ${AGENCY_COLUMNS} from governments.agency where agency_type = $1 and (retired_at is null or $2::boolean) order by id`,
        [type, includeRetired],
      )
    },

    /**
     * Writes only if the row is still at `expectedVersion` (null otherwise): concurrent writers
     * that read the same version cannot both succeed.
     */
    updateAgencyIfVersion: (id: string, expectedVersion: number, set: Partial<AgencyColumns>, meta: WriteMeta) =>
      updateIfVersion<AgencyRow>(db, AGENCIES, id, expectedVersion, set, meta, AGENCY_COLUMNS),

    agencyVersion: (id: string) => currentVersion(db, AGENCIES, id),

    /** A new agency record at version 1; null when one exists already (nothing written). */
    async insertAgency(row: Omit<AgencyRow, 'version' | 'retired_at'>, meta: WriteMeta) {
      const [inserted] = await db.query<AgencyRow>(
        `insert into governments.agency (id, agency_type, mandates, mandate_source, parent_id, jurisdiction, specialised, updated_at, updated_by, updated_by_org)
         values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10)
         on conflict (id) do nothing
         returning ${AGENCY_COLUMNS}`,
        [row.id, row.agency_type, JSON.stringify(row.mandates), row.mandate_source, row.parent_id, row.jurisdiction, row.specialised, meta.at, meta.by, meta.org],
      )
      return inserted ?? null
    },

    recordChanges: (entry: ChangeEntry, changes: readonly FieldChange[]) => recordChanges(db, CHANGE_TABLE, entry, changes),

    changes: (ids: readonly string[]) => readChanges(db, CHANGE_TABLE, ids),
  }
}

export type GovernmentRepository = ReturnType<typeof governmentRepository>
