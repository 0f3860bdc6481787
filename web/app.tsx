// The public web pages ("Find help"), built as a Fastify plugin that never listens: `npm start`
// registers it on the gateway's own server (http://127.0.0.1:4000/), web/server.ts runs it alone
// in front of any gateway (GATEWAY_URL). It is a client of the gateway like any other: no
// database, no private path to the subgraphs.
//
// Every answer carries a strict Content-Security-Policy (scripts and styles from this server only,
// no inline code), no cookies, and no request to any other site: nothing about a visit leaks.
import compress from '@fastify/compress'
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import { buildAssets } from './assets/build.ts'
import { gatewayClient, GatewayUnavailable, type Query } from './client.ts'
import type { WebConfig } from './config.ts'
import { isLocale, negotiateLocale } from './i18n/locales.ts'
import { assetRoutes } from './routes/assets.ts'
import { countryRoutes } from './routes/country.tsx'
import { landingRoutes } from './routes/landing.tsx'
import { reportRoutes } from './routes/report.tsx'
import { searchRoutes } from './routes/search.tsx'
import { PageCache } from './page-cache.ts'
import { pageContext, pageKey, sendKept, sendPage, type WebDeps } from './routes/shared.ts'
import { widgetRoutes } from './routes/widget.tsx'
import { MessagePage } from './views/message.tsx'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The widget's page and loader may be framed or loaded by other sites. */
    embeddable?: boolean
  }
}

export interface WebOptions {
  config: WebConfig
  /** The time pages are rendered at (tests fix it); the gateway decides "open now" by its own clock. */
  clock?: () => Date
  /** How the gateway is asked (default: HTTP to config.gatewayUrl). */
  query?: Query
}

const csp = (frameAncestors: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
const PAGE_CSP = csp("'none'")
const EMBED_CSP = csp('*')

export const webPlugin: FastifyPluginAsync<WebOptions> = async (app, options) => {
  const deps: WebDeps = {
    config: options.config,
    query: options.query ?? gatewayClient({ url: options.config.gatewayUrl, timeoutMs: options.config.gatewayTimeoutMs }),
    assets: await buildAssets(),
    clock: options.clock ?? (() => new Date()),
  }
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 })

  const pages = new PageCache(options.config.pageCacheTtlMs)
  app.decorateRequest('keepPage', null)
  if (pages.enabled) {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || /^\/(assets|embed)\//.test(request.url)) return
      const key = pageKey(request)
      const kept = pages.get(key)
      if (kept) return sendKept(request, reply.header('server-timing', 'page-cache;desc=hit'), kept)
      request.keepPage = (html, locale) => pages.set(key, html, locale)
    })
  }

  app.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', request.routeOptions.config.embeddable ? EMBED_CSP : PAGE_CSP)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    if (!request.routeOptions.config.embeddable) reply.header('x-frame-options', 'DENY')
  })

  // A page that fails still helps: the quick exit, and where to call in an emergency.
  app.setErrorHandler(async (error, request, reply) => {
    const status = error instanceof GatewayUnavailable ? 503 : ((error as { statusCode?: number }).statusCode ?? 500)
    if (status >= 500) request.log.error({ err: error }, 'web page failed')
    const lang = request.url.split('/')[1] ?? ''
    const locale = isLocale(lang) ? lang : negotiateLocale(request.headers['accept-language'])
    const kind = status === 404 ? 'notFound' : 'unavailable'
    return sendPage(reply, pageContext(deps, request, locale), <MessagePage kind={kind} />, status >= 500 ? 503 : status)
  })

  assetRoutes(app, deps)
  landingRoutes(app, deps)
  searchRoutes(app, deps)
  widgetRoutes(app, deps)
  countryRoutes(app, deps)
  reportRoutes(app, deps)
}

/** The web alone, on its own Fastify instance (web/server.ts; tests). */
export async function buildWebApp(options: WebOptions & { logger?: boolean | object }): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? { level: process.env.LOG_LEVEL || 'info' }, trustProxy: options.config.trustProxy })
  await app.register(webPlugin, options)
  return app
}
