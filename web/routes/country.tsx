// GET /<lang>/<country>: the country page, from one GraphQL request.
import type { FastifyInstance } from 'fastify'
import { GatewayUnavailable } from '../client.ts'
import { CountryPageDocument } from '../graphql/generated.ts'
import { CountryPage } from '../views/country-page.tsx'
import { MessagePage } from '../views/message.tsx'
import { callerOf, countryOf, localeOf, pageContext, sendPage, type WebDeps } from './shared.ts'

export function countryRoutes(app: FastifyInstance, deps: WebDeps) {
  app.get('/:lang/:country', async (request, reply) => {
    const locale = localeOf(request)
    if (!locale) return reply.callNotFound()
    const page = pageContext(deps, request, locale)
    const code = countryOf(request)
    if (!code) return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
    const answer = await deps.query(CountryPageDocument, { code, lang: locale }, callerOf(request))
    const country = answer.data?.country
    // A code the directory has only an outline for (no time zone) is not a country it serves.
    if (!country || country.timeZones.length === 0) {
      if (answer.errors.some((e) => e.extensions?.code !== 'BAD_USER_INPUT')) throw new GatewayUnavailable(answer.errors[0]!.message)
      return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
    }
    const partial = answer.errors.length > 0
    return sendPage(reply, page, <CountryPage data={{ ...answer.data!, country }} partial={partial} />, 200, !partial)
  })
}
