// Small input checks the service and channel inputs share.
import type { Validator } from '../common/validate.ts'

export const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/** Country codes, upper case, without duplicates. */
export function countries(v: Validator, path: string, list: readonly string[], max = 30): string[] {
  if (list.length > max) v.fail(path, `may have at most ${max} countries (got ${list.length})`)
  return [...new Set(list.map((c, i) => v.country(`${path}[${i}]`, c) ?? c))]
}

/** Where facts given through the API come from, when the writer names no source. */
export const givenBy = (org: string | null, role: string) => `Given by ${org ?? role} through the partner directory`
