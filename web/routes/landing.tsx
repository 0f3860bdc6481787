// The landing page: choose a country and a language. At / the language comes from the browser's
// Accept-Language; at /<lang>/ from the URL. The form works without JavaScript (GET /go).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CountriesDocument } from '../graphql/generated.ts'
import { isLocale, negotiateLocale, type Locale } from '../i18n/locales.ts'
import { Landing } from '../views/landing.tsx'
import { callerOf, localeOf, pageContext, sendPage, type WebDeps } from './shared.ts'

export function landingRoutes(app: FastifyInstance, deps: WebDeps) {
  const landing = async (request: FastifyRequest, reply: FastifyReply, locale: Locale) => {
    const answer = await deps.query(CountriesDocument, { lang: locale }, callerOf(request))
    return sendPage(reply, pageContext(deps, request, locale), <Landing countries={answer.data?.countries ?? []} />, 200, answer.errors.length === 0)
  }
  app.get('/', async (request, reply) => {
    return landing(request, reply, negotiateLocale(request.headers['accept-language']))
  })
  app.get('/:lang/', async (request, reply) => {
    const locale = localeOf(request)
    return locale ? landing(request, reply, locale) : reply.callNotFound()
  })
  app.get('/:lang', async (request, reply) => (localeOf(request) ? reply.redirect(`${request.url}/`, 301) : reply.callNotFound()))
  // The landing form's target: a stable URL to go to, whatever was chosen.
  app.get('/go', async (request, reply) => {
    const { country, lang } = request.query as { country?: string; lang?: string }
    const locale = lang && isLocale(lang) ? lang : negotiateLocale(request.headers['accept-language'])
    const cc = country && /^[a-z]{2}$/i.test(country) ? country.toLowerCase() : null
    return reply.redirect(cc ? `/${locale}/${cc}` : `/${locale}/`, 303)
  })
}
