// Small input checks the service and channel inputs share.
import type { LocalizedText } from '../common/i18n.ts'
import type { Validator } from '../common/validate.ts'

export const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/** Translations: well-formed, one per language, each value within `max` characters. */
export function texts(v: Validator, path: string, list: readonly LocalizedText[], max: number, required: boolean): LocalizedText[] {
  if (required && list.length === 0) v.fail(path, 'needs at least one entry')
  if (list.length > 20) v.fail(path, `may have at most 20 translations (got ${list.length})`)
  const seen = new Map<string, number>()
  return list.map((t, i) => {
    const lang = v.language(`${path}[${i}].lang`, t.lang) ?? t.lang
    const first = seen.get(lang.toLowerCase())
    if (first !== undefined) v.fail(`${path}[${i}].lang`, `repeats ${path}[${first}].lang ("${lang}"): give one text per language`)
    else seen.set(lang.toLowerCase(), i)
    v.text(`${path}[${i}].value`, t.value, { required: true, max })
    return { lang, value: t.value.trim() }
  })
}

/** Country codes, upper case, without duplicates. */
export function countries(v: Validator, path: string, list: readonly string[], max = 30): string[] {
  if (list.length > max) v.fail(path, `may have at most ${max} countries (got ${list.length})`)
  return [...new Set(list.map((c, i) => v.country(`${path}[${i}]`, c) ?? c))]
}

/** Where facts given through the API come from, when the writer names no source. */
export const givenBy = (org: string | null, role: string) => `Given by ${org ?? role} through the partner directory`
