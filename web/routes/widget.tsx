// GET /<lang>/widget/<country>?harm=…: the find-help widget, a small page made to be framed by a
// platform's reporting flow (or loaded by the <find-help> web component). With a harm it shows the
// pathway's priority contacts for a child; without one, what can be reported. An answer with any
// part missing is shown as nothing but the way to the full page and the emergency number: a pair
// of services the directory gives together is shown together or not at all.
import type { FastifyInstance } from 'fastify'
import { HarmTypesDocument, PathwayDocument } from '../graphql/generated.ts'
import { MessagePage } from '../views/message.tsx'
import { WidgetPage } from '../views/widget-page.tsx'
import { callerOf, countryOf, localeOf, pageContext, sendPage, type WebDeps } from './shared.ts'

export function widgetRoutes(app: FastifyInstance, deps: WebDeps) {
  app.get('/:lang/widget/:country', { config: { embeddable: true } }, async (request, reply) => {
    const locale = localeOf(request)
    if (!locale) return reply.callNotFound()
    const page = pageContext(deps, request, locale)
    const code = countryOf(request)
    const harm = (request.query as { harm?: string }).harm
    if (!code || (harm !== undefined && !/^[a-z0-9-]{1,40}$/.test(harm))) return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
    const caller = callerOf(request)
    if (!harm) {
      const answer = await deps.query(HarmTypesDocument, { code, lang: locale }, caller)
      if (!answer.data?.country) return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
      return sendPage(reply, page, <WidgetPage country={answer.data.country} harms={answer.data.harmTypes} />, 200, answer.errors.length === 0)
    }
    const answer = await deps.query(PathwayDocument, { code, harm, audience: 'CHILD', lang: locale }, caller)
    const data = answer.data
    if (!data?.country || !data.harmType) return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
    const complete = answer.errors.length === 0 && data.referralPathway !== null
    return sendPage(reply, page, <WidgetPage country={data.country} harm={data.harmType} steps={complete ? data.referralPathway!.steps : null} emergency={data.country.emergencyNumbers} />, 200, complete)
  })
}
