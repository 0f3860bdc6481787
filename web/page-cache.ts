// Rendered public pages kept for a few seconds (WEB_CACHE_TTL_MS; off by default, like the
// gateway's response cache), with their compressed forms: under load, a popular country page is
// rendered and compressed once per interval instead of once per visitor. Only complete pages
// are kept (status 200, no part of the directory missing), keyed by language and URL; nothing
// about the visitor is in a public page, so one copy serves everyone. A write reaches readers
// after at most the TTL, as with the gateway's own cache.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export interface CachedPage {
  html: string
  locale: string
  expires: number
  br?: Buffer
  gzip?: Buffer
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>()

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  get enabled() {
    return this.ttlMs > 0
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key)
    if (!page) return undefined
    if (page.expires > now) return page
    this.pages.delete(key)
    return undefined
  }

  set(key: string, html: string, locale: string, now = Date.now()): CachedPage {
    const page = { html, locale, expires: now + this.ttlMs }
    if (!this.enabled) return page
    // Oldest first out: a Map keeps insertion order.
    if (this.pages.size >= this.maxEntries) this.pages.delete(this.pages.keys().next().value!)
    this.pages.set(key, page)
    return page
  }
}

/** The body to send for an Accept-Encoding, compressing once per kept page. */
export function encoded(page: CachedPage, acceptEncoding: string | undefined): { body: string | Buffer; encoding?: 'br' | 'gzip' } {
  const accepts = acceptEncoding ?? ''
  if (/\bbr\b/.test(accepts)) return { body: (page.br ??= brotliCompressSync(page.html, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })), encoding: 'br' }
  if (/\bgzip\b/.test(accepts)) return { body: (page.gzip ??= gzipSync(page.html)), encoding: 'gzip' }
  return { body: page.html }
}
