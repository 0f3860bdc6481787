// Interface text from ICU message files (intl-messageformat: plurals, dates, numbers), one JSON
// file per language in messages/. A message missing from a language falls back to English (a
// test fails while any is missing). Each file says in "$review" whether a native speaker has
// checked it.
import { readFileSync } from 'node:fs'
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat'
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts'

export interface MessageFile {
  /** "checked by a native speaker" or what is still to be checked. */
  $review: string
  messages: Record<string, string>
}

export const MESSAGE_FILES: Readonly<Record<Locale, MessageFile>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(new URL(`messages/${locale}.json`, import.meta.url), 'utf8')) as MessageFile]),
) as Record<Locale, MessageFile>

export type MessageKey = keyof (typeof MESSAGE_FILES)['en']['messages'] & string
export type Values = Record<string, PrimitiveType>

/** Text in one language; `lang` says which language the text came out in (the fallback may be English). */
export interface Translator {
  locale: Locale
  (key: string, values?: Values): string
  has(key: string): boolean
  lang(key: string): Locale
}

const compiled = new Map<string, IntlMessageFormat>()

function format(locale: Locale, key: string, values?: Values): string {
  const id = `${locale}\u0000${key}`
  let message = compiled.get(id)
  if (!message) {
    const source = MESSAGE_FILES[locale].messages[key]
    if (source === undefined) throw new Error(`no message "${key}" in ${locale}`)
    message = new IntlMessageFormat(source, locale)
    compiled.set(id, message)
  }
  return String(message.format(values))
}

const translators = new Map<Locale, Translator>()

export function translator(locale: Locale): Translator {
  let t = translators.get(locale)
  if (t) return t
  const own = MESSAGE_FILES[locale].messages
  const langOf = (key: string): Locale => (key in own ? locale : DEFAULT_LOCALE)
  t = Object.assign((key: string, values?: Values) => format(langOf(key), key, values), {
    locale,
    has: (key: string) => key in own || key in MESSAGE_FILES[DEFAULT_LOCALE].messages,
    lang: langOf,
  })
  translators.set(locale, t)
  return t
}
