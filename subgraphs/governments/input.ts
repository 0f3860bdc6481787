// Checks a mandate input as a whole (every violation at once, each with its field path) and
// turns it into field values named as in the API, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import { isId } from '../common/ids.ts'
import type { Validator } from '../common/validate.ts'
import type { AgencyType } from './repository.ts'

export interface MandateInput {
  mandates?: LocalizedText[] | null
  mandateSource?: string | null
}

/** An agency's writable fields, named as the GovernmentAgency type and the change log name them. */
export interface AgencyFields {
  mandates: LocalizedText[]
  mandateSource: string | null
  retiredAt: Date | null
}

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/** The fields an update sets: only those given. Violations go to `v`; the caller throws. */
export function checkMandateInput(input: MandateInput, v: Validator): Partial<AgencyFields> {
  const out: Partial<AgencyFields> = {}
  if (has(input, 'mandates')) {
    if (input.mandates == null) v.fail('input.mandates', 'cannot be cleared: give an empty list to remove every translation')
    else out.mandates = v.texts('input.mandates', input.mandates, { max: 4000 })
  }
  if (has(input, 'mandateSource')) {
    v.text('input.mandateSource', input.mandateSource, { max: 300 })
    out.mandateSource = input.mandateSource?.trim() || null
  }
  return out
}

export interface RecordInput extends MandateInput {
  agencyType: AgencyType
  jurisdiction?: string | null
  parentBody?: string | null
  specialised?: boolean | null
}

/** A new agency record, checked as a whole; whether the parent body exists is the caller's check. */
export function checkRecordInput(input: RecordInput, v: Validator) {
  const jurisdiction = input.jurisdiction == null ? null : (v.country('input.jurisdiction', input.jurisdiction) ?? null)
  const regional = input.agencyType === 'ASEAN_BODY' || input.agencyType === 'INTERGOVERNMENTAL'
  if (regional && jurisdiction !== null) v.fail('input.jurisdiction', 'must be left out for an ASEAN body or an intergovernmental organisation: they act for no one country')
  if (!regional && input.jurisdiction == null) v.fail('input.jurisdiction', 'is needed: the country this agency acts for (ISO 3166-1 alpha-2, such as "TH")')
  const parentBody = input.parentBody ?? null
  if (parentBody !== null && !isId(parentBody)) v.fail('input.parentBody', 'is not an agency id: 1-80 lower-case letters, digits and dashes')
  const specialised = input.specialised ?? false
  if (specialised && input.agencyType !== 'LAW_ENFORCEMENT_UNIT') v.fail('input.specialised', 'only a law-enforcement unit (agencyType LAW_ENFORCEMENT_UNIT) can be a specialised unit')
  const mandate = checkMandateInput({ mandates: input.mandates ?? [], mandateSource: input.mandateSource ?? null }, v)
  return { agencyType: input.agencyType, jurisdiction, parentBody, specialised, mandates: mandate.mandates ?? [], mandateSource: mandate.mandateSource ?? null }
}
