// Checks a mandate input as a whole (every violation at once, each with its field path) and
// turns it into field values named as in the API, the names the change log records.
import type { LocalizedText } from '../common/i18n.ts'
import type { Validator } from '../common/validate.ts'

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
