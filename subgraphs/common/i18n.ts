// Translated text: a list of {lang, value}; a preferred BCP 47 tag falls back to its language,
// then English, then whatever there is.
import { clientError } from './errors.ts'

export interface LocalizedText {
  lang: string
  value: string
}

/** Canonical BCP 47 tag (ICU's validation), or null when the tag is not well-formed. */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null
  } catch {
    return null
  }
}

export function requireTag(tag: string | null | undefined, argument = 'lang'): string | undefined {
  if (tag == null) return undefined
  const canonical = canonicalTag(tag)
  if (!canonical) {
    throw clientError('BAD_USER_INPUT', `"${tag}" is not a well-formed BCP 47 language tag (for example "en", "th", "zh-Hans-SG", "fil").`, {
      argument,
    })
  }
  return canonical
}

export function pickText(texts: readonly LocalizedText[] | null | undefined, lang?: string | null): string | null {
  if (!texts || texts.length === 0) return null
  const wanted = requireTag(lang)
  if (wanted) {
    const lower = wanted.toLowerCase()
    const exact = texts.find((t) => t.lang.toLowerCase() === lower)
    if (exact) return exact.value
    const language = lower.split('-')[0]
    const sameLanguage = texts.find((t) => t.lang.toLowerCase().split('-')[0] === language)
    if (sameLanguage) return sameLanguage.value
  }
  return (texts.find((t) => t.lang === 'en') ?? texts[0]!).value
}
