// What every page route shares: the language from the URL, the caller to forward to the gateway,
// the page context, and how a page is sent (security headers, no caching of what was read).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import type { Assets } from '../assets/build.ts'
import type { Caller, Query } from '../client.ts'
import type { WebConfig } from '../config.ts'
import { isLocale, negotiateLocale, type Locale } from '../i18n/locales.ts'
import { translator } from '../i18n/messages.ts'
import { encoded, type CachedPage } from '../page-cache.ts'
import { renderPage } from '../render.tsx'
import type { PageContext } from '../views/context.ts'

export interface WebDeps {
  config: WebConfig
  query: Query
  assets: Assets
  clock: () => Date
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this page may be kept in the page cache: keeps it and returns the kept copy. */
    keepPage: ((html: string, locale: string) => CachedPage) | null
  }
}

/** The language in the URL, or null when the first segment is not one of ours. */
export function localeOf(request: FastifyRequest): Locale | null {
  const lang = (request.params as { lang?: string }).lang ?? ''
  return isLocale(lang) ? lang : null
}

/** An ISO 3166-1 alpha-2 code from the URL (lower case there, upper case for the directory). */
export function countryOf(request: FastifyRequest): string | null {
  const code = (request.params as { country?: string }).country ?? ''
  return /^[a-z]{2}$/.test(code) ? code.toUpperCase() : null
}

export const callerOf = (request: FastifyRequest): Caller => ({ clientIp: request.ip, requestId: request.id })

export function pageContext(deps: WebDeps, request: FastifyRequest, locale: Locale): PageContext {
  const url = request.url
  const rest = url.replace(/^\/[a-z]{2,3}(?=\/|$|\?)/, '') || '/'
  return { locale, t: translator(locale), assets: deps.assets, quickExitUrl: deps.config.quickExitUrl, rest: rest.startsWith('/') ? rest : `/${rest}`, now: deps.clock() }
}

/** The page cache's key: the language (at / it comes from Accept-Language) and the URL. */
export function pageKey(request: FastifyRequest): string {
  const first = request.url.split(/[/?]/)[1] ?? ''
  return `${isLocale(first) ? first : negotiateLocale(request.headers['accept-language'])} ${request.url}`
}

function headers(reply: FastifyReply, locale: string) {
  // Pages are not kept by browsers or proxies: on a shared phone, what someone looked up stays
  // out of the cache (the history is for the quick-exit button to deal with).
  return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('content-language', locale).header('vary', 'accept-language, accept-encoding')
}

/** Sends a kept page, compressed as the browser accepts. */
export function sendKept(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
  const { body, encoding } = encoded(page, request.headers['accept-encoding'])
  if (encoding) reply.header('content-encoding', encoding)
  return headers(reply, page.locale).send(body)
}

/** Renders and sends a page; a complete one (nothing missing from the answer) may be kept. */
export function sendPage(reply: FastifyReply, page: PageContext, view: VNode, status = 200, complete = true) {
  const started = performance.now()
  const html = renderPage(page, view)
  // Server-Timing tells how long rendering took (the benchmark and the tests read it).
  reply.header('server-timing', `render;dur=${(performance.now() - started).toFixed(2)}`)
  const request = reply.request
  if (status === 200 && complete && request.keepPage) return sendKept(request, reply, request.keepPage(html, page.locale))
  return headers(reply.code(status), page.locale).send(html)
}

