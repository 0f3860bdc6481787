// Languages: the directory keeps BCP 47 tags ("zh-Hans-SG", "fil-PH"); HSDS `language.code` is an
// ISO 639-1 or 639-3 code, which is the tag's language subtag ("zh", "fil"; "hmn" has no 639-1
// code). The full tag goes into the profile's `bcp47` field so nothing is lost.
import { hsdsId } from './ids.ts'

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

export interface HsdsLanguage {
  id: string
  service_id?: string
  phone_id?: string
  name: string
  code: string
  bcp47: string
}

export function languageCode(tag: string): string {
  try {
    return new Intl.Locale(tag).language
  } catch {
    return tag.split('-')[0]!.toLowerCase()
  }
}

function languageName(tag: string): string {
  try {
    return englishNames.of(tag) ?? tag
  } catch {
    return tag
  }
}

/** One language record per tag, linked to a service or a phone; ids are stable per link and tag. */
export function languages(tags: readonly string[], link: { service_id: string } | { phone_id: string }): HsdsLanguage[] {
  const owner = 'service_id' in link ? link.service_id : link.phone_id
  return [...new Set(tags)].map((tag) => ({
    id: hsdsId('language', owner, tag),
    ...link,
    name: languageName(tag),
    code: languageCode(tag),
    bcp47: tag,
  }))
}
