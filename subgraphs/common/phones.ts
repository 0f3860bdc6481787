// Phone numbers: full numbers are parsed and validated with libphonenumber (stored in E.164);
// national short codes (BN 121, TH 1387, VN 111, …) are not E.164 and are not in
// libphonenumber's short-number data, so they are accepted as short codes: 3-6 digits, dialable
// only inside the country they belong to.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { isCountryCode } from './countries.ts'

export type PhoneNumberType = 'MOBILE' | 'FIXED_LINE' | 'TOLL_FREE' | 'SHORT_CODE' | 'OTHER'

export interface NormalisedPhone {
  /** E.164 (+66991301300), or the digits of a national short code (1387). */
  value: string
  e164: string | null
  type: PhoneNumberType
  /** Country in which a short code can be dialled. */
  country: string | null
}

const SHORT_CODE = /^#?\d{3,6}$/

export function normalisePhone(raw: string, country?: string | null): NormalisedPhone | string {
  const compact = raw.replace(/[\s().-]/g, '')
  const region = country && isCountryCode(country) ? (country as CountryCode) : undefined
  if (SHORT_CODE.test(compact) && !compact.startsWith('+')) {
    if (!region) return 'a national short code needs the country it is dialled in'
    return { value: compact, e164: null, type: 'SHORT_CODE', country: region }
  }
  const parsed = parsePhoneNumberFromString(raw, region)
  if (!parsed) return region ? `not a phone number in ${region}` : 'not a phone number: give it in E.164 (+66…) or give the country'
  if (!parsed.isValid()) return `not a valid number for ${parsed.country ?? region ?? `+${parsed.countryCallingCode}`}`
  const type = parsed.getType()
  return {
    value: parsed.number,
    e164: parsed.number,
    type: type === 'MOBILE' || type === 'FIXED_LINE' || type === 'TOLL_FREE' ? type : type === 'FIXED_LINE_OR_MOBILE' ? 'FIXED_LINE' : 'OTHER',
    country: parsed.country ?? region ?? null,
  }
}
