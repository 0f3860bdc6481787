// Which language a text from the directory is in. The directory answers in the requested language
// or falls back (to English, then to whatever it has); the page marks a fallback with its own
// lang attribute, so that browsers and screen readers read it right.
export interface LocalizedText {
  lang: string
  value: string
}

/** The lang attribute for `value` on a page in `pageLang`: undefined when it is the page's own. */
export function langAttr(value: string | null | undefined, texts: readonly LocalizedText[] | null | undefined, pageLang: string): string | undefined {
  if (!value || !texts) return undefined
  const lang = texts.find((t) => t.value === value)?.lang
  if (!lang) return undefined
  return lang.toLowerCase().split('-')[0] === pageLang ? undefined : lang
}

/**
 * A message with an element in the place of one argument (a country name marked with its own
 * lang): the message is formatted with a marker there, then split around it.
 */
export function withElement<T>(format: (marker: string) => string, element: T): (string | T)[] {
  const MARKER = '\u0000'
  return format(MARKER)
    .split(MARKER)
    .flatMap((part, i) => (i ? [element, part] : [part]))
}

/** Only http(s) addresses become links: text written by partners never becomes a script URL. */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}
