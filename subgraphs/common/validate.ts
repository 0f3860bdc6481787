// Input validation that reports every violation at once, each with its field path
// (BAD_USER_INPUT with extensions.violations), so nothing is written from a half-checked input.
import { isCountryCode } from './countries.ts'
import { invalidInput, type Violation } from './errors.ts'
import { canonicalTag, type LocalizedText } from './i18n.ts'
import { normalisePhone, type NormalisedPhone } from './phones.ts'

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/

export class Validator {
  readonly violations: Violation[] = []

  fail(path: string, message: string): void {
    this.violations.push({ path, message })
  }

  text(path: string, value: string | null | undefined, opts: { min?: number; max: number; required?: boolean }): void {
    if (value == null) {
      if (opts.required) this.fail(path, 'is required')
      return
    }
    const length = [...value.trim()].length
    if (length < (opts.min ?? (opts.required ? 1 : 0))) this.fail(path, `must be at least ${opts.min ?? 1} characters`)
    if (length > opts.max) this.fail(path, `must be at most ${opts.max} characters (got ${length})`)
  }

  /**
   * Translations: well-formed languages, one text per language, each value within `max`
   * characters; `required` also asks for at least one. Returns them with trimmed values.
   */
  texts(path: string, list: readonly LocalizedText[], opts: { max: number; required?: boolean }): LocalizedText[] {
    if (opts.required && list.length === 0) this.fail(path, 'needs at least one entry')
    if (list.length > 20) this.fail(path, `may have at most 20 translations (got ${list.length})`)
    const seen = new Map<string, number>()
    return list.map((t, i) => {
      const lang = this.language(`${path}[${i}].lang`, t.lang) ?? t.lang
      const first = seen.get(lang.toLowerCase())
      if (first !== undefined) this.fail(`${path}[${i}].lang`, `repeats ${path}[${first}].lang ("${lang}"): give one text per language`)
      else seen.set(lang.toLowerCase(), i)
      this.text(`${path}[${i}].value`, t.value, { required: true, max: opts.max })
      return { lang, value: t.value.trim() }
    })
  }

  url(path: string, value: string | null | undefined): void {
    if (value == null) return
    let url: URL | null = null
    try {
      url = new URL(value)
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
      this.fail(path, 'must be an absolute http(s) URL such as "https://example.org/help"')
    } else if (value.length > 2048) this.fail(path, 'must be at most 2048 characters')
  }

  email(path: string, value: string | null | undefined): void {
    if (value == null) return
    if (value.length > 254 || !EMAIL.test(value)) this.fail(path, 'must be an email address such as "help@example.org"')
  }

  /** Returns the canonical BCP 47 tag. */
  language(path: string, value: string | null | undefined): string | undefined {
    if (value == null) return undefined
    const tag = canonicalTag(value)
    if (!tag) this.fail(path, `"${value.slice(0, 40)}" is not a well-formed BCP 47 language tag (for example "th", "zh-Hans-SG", "fil")`)
    return tag ?? undefined
  }

  country(path: string, value: string | null | undefined): string | undefined {
    if (value == null) return undefined
    const upper = value.toUpperCase()
    if (!isCountryCode(upper)) this.fail(path, `"${value.slice(0, 20)}" is not an ISO 3166-1 alpha-2 country code`)
    return upper
  }

  phone(path: string, value: string | null | undefined, country?: string | null): NormalisedPhone | undefined {
    if (value == null) return undefined
    const result = normalisePhone(value, country)
    if (typeof result === 'string') {
      this.fail(path, result)
      return undefined
    }
    return result
  }

  oneOf<T extends string>(path: string, value: string | null | undefined, allowed: readonly T[]): void {
    if (value != null && !allowed.includes(value as T)) this.fail(path, `"${value.slice(0, 40)}" is not one of: ${allowed.join(', ')}`)
  }

  /** Dates as YYYY-MM-DD; the end may not come before the start. */
  dateOrder(startPath: string, start: string | null | undefined, endPath: string, end: string | null | undefined): void {
    if (start && end && end < start) this.fail(endPath, `must not be before ${startPath} (${start})`)
  }

  throwIfInvalid(): void {
    if (this.violations.length) throw invalidInput(this.violations)
  }
}
