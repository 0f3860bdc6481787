// The interface languages: every ASEAN member state's main language, and English. The URL names
// the language (/th/…); on the landing page without one, the browser's Accept-Language decides.
import Negotiator from 'negotiator'

export const LOCALES = ['en', 'th', 'vi', 'id', 'ms', 'km', 'lo', 'my', 'fil'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Each language in its own name and script, for the language menu. */
export const AUTONYMS: Readonly<Record<Locale, string>> = {
  en: 'English',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  km: 'ខ្មែរ',
  lo: 'ລາວ',
  my: 'မြန်မာ',
  fil: 'Filipino',
}

export const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag)

// Browsers send Tagalog (tl) for Filipino, and some still send the withdrawn "in" for Indonesian.
const ALIASES: Record<string, Locale> = { tl: 'fil', in: 'id', zsm: 'ms' }

/** The best interface language for an Accept-Language header (prefix matches: th-TH is th). */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE
  const aliased = acceptLanguage.replace(/(^|,)\s*(tl|in|zsm)(?=[-;,]|$)/gi, (_, sep: string, tag: string) => `${sep}${ALIASES[tag.toLowerCase()]}`)
  const [best] = new Negotiator({ headers: { 'accept-language': aliased } }).languages([...LOCALES])
  return best && isLocale(best) ? best : DEFAULT_LOCALE
}
