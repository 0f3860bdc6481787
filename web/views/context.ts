// What every view needs to know about the request it renders: the language (with its
// translator), how to make links, the asset URLs and the quick-exit address.
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Assets } from '../assets/build.ts'
import type { Locale } from '../i18n/locales.ts'
import type { Translator } from '../i18n/messages.ts'

export interface PageContext {
  locale: Locale
  t: Translator
  assets: Assets
  quickExitUrl: string
  /** The current path without its language prefix ("/th", "/th/report?audience=child"), for the language menu. */
  rest: string
  now: Date
}

export const Page = createContext<PageContext | null>(null)

export function usePage(): PageContext {
  const page = useContext(Page)
  if (!page) throw new Error('a view rendered outside a page')
  return page
}

/** A link within the site, in the page's language unless told otherwise. */
export const href = (locale: Locale, path = '/') => `/${locale}${path}`
