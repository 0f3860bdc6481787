// Country codes: ISO 3166-1 alpha-2, checked against libphonenumber's territory list.
import { getCountries } from 'libphonenumber-js'
import { clientError } from './errors.ts'

const known = new Set<string>(getCountries())

export const ASEAN_MEMBER_CODES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'] as const

export const isCountryCode = (code: string) => known.has(code)

export function requireCountry(code: string, argument = 'country'): string {
  const upper = code.toUpperCase()
  if (!known.has(upper)) {
    throw clientError(
      'BAD_USER_INPUT',
      `"${code.slice(0, 20)}" is not an ISO 3166-1 alpha-2 country code. ASEAN members: ${ASEAN_MEMBER_CODES.join(', ')}.`,
      { argument, allowed: ASEAN_MEMBER_CODES },
    )
  }
  return upper
}
