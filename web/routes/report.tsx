// "I need to report…": GET /<lang>/<country>/report lists what can have happened, in plain words;
// GET /<lang>/<country>/report/<harm>?for=child|caregiver|professional shows the referral
// pathway's ordered steps for that country, with what to do at each.
import type { FastifyInstance } from 'fastify'
import { GatewayUnavailable } from '../client.ts'
import { HarmTypesDocument, PathwayDocument, type ReferralAudience } from '../graphql/generated.ts'
import { MessagePage } from '../views/message.tsx'
import { HarmChoice, PathwayPage } from '../views/report-pages.tsx'
import { callerOf, countryOf, localeOf, pageContext, sendPage, type WebDeps } from './shared.ts'

export const AUDIENCES: Record<string, ReferralAudience> = { child: 'CHILD', caregiver: 'CAREGIVER', professional: 'PROFESSIONAL' }

export function reportRoutes(app: FastifyInstance, deps: WebDeps) {
  app.get('/:lang/:country/report', async (request, reply) => {
    const locale = localeOf(request)
    if (!locale) return reply.callNotFound()
    const page = pageContext(deps, request, locale)
    const code = countryOf(request)
    const answer = code ? await deps.query(HarmTypesDocument, { code, lang: locale }, callerOf(request)) : null
    if (!answer?.data?.country) return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
    return sendPage(reply, page, <HarmChoice country={answer.data.country} harms={answer.data.harmTypes} />, 200, answer.errors.length === 0)
  })

  app.get('/:lang/:country/report/:harm', async (request, reply) => {
    const locale = localeOf(request)
    if (!locale) return reply.callNotFound()
    const page = pageContext(deps, request, locale)
    const code = countryOf(request)
    const harm = (request.params as { harm: string }).harm
    const who = (request.query as { for?: string }).for ?? 'child'
    const audience = AUDIENCES[who]
    if (!code || !audience || !/^[a-z0-9-]{1,40}$/.test(harm)) return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
    const answer = await deps.query(PathwayDocument, { code, harm, audience, lang: locale }, callerOf(request))
    const data = answer.data
    if (!data?.country || !data.harmType || !data.referralPathway) {
      // An unknown harm or a country outside ASEAN is the visitor's error; anything else is ours.
      if (answer.errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT') || (data && !data.harmType)) return sendPage(reply, page, <MessagePage kind="notFound" />, 404)
      throw new GatewayUnavailable(answer.errors[0]?.message ?? 'no pathway')
    }
    const partial = answer.errors.length > 0
    return sendPage(reply, page, <PathwayPage who={who} country={data.country} harm={data.harmType} pathway={data.referralPathway} partial={partial} />, 200, !partial)
  })
}
