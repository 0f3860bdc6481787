// Contact channels: every value is checked and normalised in one place, for the seed and for
// the API alike. Numbers go through libphonenumber (common/phones.ts): full numbers are stored
// in E.164, national short codes as their digits with the one country they can be dialled in.
// Language tags go through Intl (canonicalTag). No hand-written patterns for either.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { Validator } from '../common/validate.ts'

export const CHANNEL_TYPES = [
  'PHONE',
  'SHORT_CODE',
  'TOLL_FREE',
  'SMS',
  'WHATSAPP',
  'ZALO',
  'LINE',
  'MESSENGER',
  'WEB_CHAT',
  'WEB_FORM',
  'EMAIL',
  'WEBSITE',
] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export const VISIBILITIES = ['PUBLIC', 'PARTNERS', 'RESTRICTED'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** Voice first, then text and messaging, then the web: the "phone before web" order. */
export const CHANNEL_PREFERENCE: Record<ChannelType, number> = {
  SHORT_CODE: 0,
  TOLL_FREE: 0,
  PHONE: 1,
  WHATSAPP: 2,
  ZALO: 2,
  LINE: 2,
  MESSENGER: 2,
  SMS: 2,
  WEB_CHAT: 3,
  WEB_FORM: 4,
  EMAIL: 5,
  WEBSITE: 6,
}

export interface ChannelValue {
  value: string
  display: string
  e164: string | null
  dialable_in: string | null
}

const DIALLED = new Set<ChannelType>(['PHONE', 'SHORT_CODE', 'TOLL_FREE', 'SMS', 'WHATSAPP'])
const LINKS = new Set<ChannelType>(['MESSENGER', 'WEB_CHAT', 'WEB_FORM', 'WEBSITE'])

/**
 * Checks one channel value against its type; `country` is where a national number or short code
 * belongs. Violations go to `v`; returns the normalised value when this one is valid.
 */
export function checkChannelValue(v: Validator, path: string, type: ChannelType, raw: string, country: string | null): ChannelValue | undefined {
  const before = v.violations.length
  const value = raw.trim()
  if (DIALLED.has(type)) {
    const phone = v.phone(path, value, country)
    if (!phone) return undefined
    const short = phone.type === 'SHORT_CODE'
    if (type === 'SHORT_CODE' && !short) v.fail(path, `is a full number (${phone.value}): use PHONE or TOLL_FREE`)
    if ((type === 'PHONE' || type === 'TOLL_FREE' || type === 'WHATSAPP') && short) {
      v.fail(path, `"${value.slice(0, 20)}" is a national short code: use SHORT_CODE (or SMS), or give the full number`)
    }
    if (type === 'TOLL_FREE' && !short && phone.type !== 'TOLL_FREE') v.fail(path, `is not a toll-free number in ${phone.country ?? 'its country'} (libphonenumber says ${phone.type})`)
    if (v.violations.length > before) return undefined
    return {
      value: phone.value,
      display: phone.e164 ? parsePhoneNumberFromString(phone.e164)!.formatInternational() : phone.value,
      e164: phone.e164,
      dialable_in: short ? phone.country : null,
    }
  }
  if (LINKS.has(type)) v.url(path, value)
  else if (type === 'EMAIL') v.email(path, value)
  else v.text(path, value, { required: true, max: 100 })
  if (v.violations.length > before) return undefined
  return { value, display: value, e164: null, dialable_in: null }
}

/** Canonical BCP 47 tags, without duplicates; malformed ones are reported. */
export function checkLanguages(v: Validator, path: string, tags: readonly string[]): string[] {
  const canonical = tags.map((tag, i) => v.language(`${path}[${i}]`, tag)).filter((t): t is string => Boolean(t))
  return [...new Set(canonical)]
}
