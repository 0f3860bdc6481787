// Search text for the trigram index: every translation of the title and description, in one
// normal form (NFC, lower case), so that "BẢO VỆ" typed on one device matches "bảo vệ" stored
// from another, and substring matching works in scripts written without spaces (Thai, Khmer,
// Lao, Burmese). Latin text is stored a second time without its diacritics, so Vietnamese can
// be found as typed on a keyboard without them ("bao ve tre em").
import type { LocalizedText } from '../common/i18n.ts'

// Only the Latin combining marks: Thai, Lao, Khmer and Burmese vowel and tone marks are also
// combining characters, and removing them would change the words.
const LATIN_MARKS = /[\u0300-\u036f]/g

export const normalise = (text: string) => text.normalize('NFC').toLowerCase()

export const foldLatin = (text: string) =>
  text.normalize('NFD').replace(LATIN_MARKS, '').replace(/đ/g, 'd').normalize('NFC')

export function searchText(texts: readonly LocalizedText[]): string {
  const joined = texts.map((t) => normalise(t.value)).join('\n')
  const folded = foldLatin(joined)
  return folded === joined ? joined : `${joined}\n${folded}`
}

/** The words of a query, each to be found somewhere in the search text. */
export const searchTerms = (query: string | null | undefined): string[] =>
  query ? [...new Set(normalise(query).split(/\s+/).filter(Boolean))].slice(0, 8) : []
