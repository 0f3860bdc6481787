// The ASEAN Secretariat's reports: named GraphQL queries run by name, as JSON or CSV.
//   GET    /reports                    the reports, their variables and CSV columns
//   POST   /reports                    register one at runtime: {name, query, description}
//   GET    /reports/<name>             one report's definition
//   GET    /reports/<name>.json|.csv   run it, variables from the query string
//   POST   /reports/<name>[.json|.csv] run it, variables as a JSON body
//   DELETE /reports/<name>             remove a report registered at runtime
// Only the Secretariat and admins may use them (401 without a token, 403 for other roles), and
// every run goes through app.executeGraphQL, so the field rules of /graphql apply as well.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { GraphQLError, type GraphQLSchema } from 'graphql'
import { isKnownCode } from '../../subgraphs/common/errors.ts'
import { checkOperationRequest, checkSizes } from '../limits/operation.ts'
import { isStaff } from '../../subgraphs/common/identity.ts'
import { builtInReports } from '../reports/catalogue.ts'
import { toCsv } from '../reports/csv.ts'
import { errorBody, formatted, statusFor } from '../reports/http.ts'
import { NAME, type Report } from '../reports/operation.ts'
import { ReportRegistry, type Entry } from '../reports/registry.ts'
import { StoreUnavailable, memoryStore, redisStore } from '../reports/store.ts'
import { variablesFromBody, variablesFromQuery } from '../reports/variables.ts'
import type { RouteOptions } from './index.ts'

type Format = 'json' | 'csv'

function describe({ source, report, problems }: Entry) {
  const { name, description, origin, registeredBy, registeredAt, query } = source
  return {
    name,
    description,
    origin,
    ...(origin === 'registered' ? { registeredBy, registeredAt } : {}),
    available: Boolean(report),
    ...(problems ? { problems } : {}),
    variables: report?.variables.map(({ typeNode: _t, ...v }) => v) ?? [],
    columns: report?.columns.map((c) => c.join('.')) ?? [],
    links: { json: `/reports/${name}.json`, csv: `/reports/${name}.csv` },
    query,
  }
}

export const routes: FastifyPluginAsync<RouteOptions> = async (app, { config }) => {
  const settings = config.reports
  const store = settings.redisUrl ? redisStore(settings.redisUrl, settings.redisPrefix, app.log) : memoryStore()
  app.addHook('onClose', () => store.close())
  // Built on first use: validating the reports against the API schema the gateway serves takes
  // time that every gateway start (and every test stack) would otherwise pay for reports it may
  // never serve.
  let loading: Promise<{ schema: GraphQLSchema; registry: ReportRegistry }> | undefined
  const reports = () =>
    (loading ??= (async () => {
      const schema = app.apiSchema()
      const registry = new ReportRegistry(schema, builtInReports(), store, settings.maxRegistered)
      for (const { source, problems } of registry.builtInProblems) {
        app.log.warn({ report: source.name, problems }, 'a built-in report does not validate against the supergraph: it is listed but cannot run')
      }
      return { schema, registry }
    })().catch((err) => {
      loading = undefined
      throw err
    }))

  // This plugin's routes only (Fastify encapsulation); the identity was set by the gateway's hook.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    if (request.identity.role === 'public') {
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('Reports are for the ASEAN Secretariat and admins: sign in and send a bearer token.', 'UNAUTHENTICATED'))
    }
    if (!isStaff(request.identity)) return reply.code(403).send(errorBody('Reports are for the ASEAN Secretariat and admins.', 'FORBIDDEN'))
  })

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof GraphQLError && isKnownCode(err.extensions.code)) {
      const error = formatted(err)
      return reply.code(statusFor([error])).send({ errors: [error] })
    }
    if (err instanceof StoreUnavailable) {
      request.log.error({ err }, 'report store unavailable')
      return reply.code(503).header('retry-after', '5').send(errorBody('The shared report store is unavailable; try again shortly.', 'INTERNAL_SERVER_ERROR'))
    }
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send(errorBody(err.message, 'BAD_REQUEST'))
    request.log.error({ err }, 'report route failed')
    return reply.code(500).send(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR', { requestId: request.id }))
  })

  /** "coverage-gaps.csv" -> the report and the format; a name without a suffix has none. */
  async function find(file: string): Promise<{ entry: Entry; format: Format | null }> {
    const match = /^(.+?)(?:\.(json|csv))?$/.exec(file)
    const name = match?.[1] ?? ''
    const entry = NAME.test(name) ? await (await reports()).registry.get(name) : undefined
    if (!entry) throw new GraphQLError(`No report named "${name.slice(0, 64)}": GET /reports lists them.`, { extensions: { code: 'NOT_FOUND' } })
    return { entry, format: (match?.[2] as Format | undefined) ?? null }
  }

  function runnable(entry: Entry): Report {
    if (entry.report) return entry.report
    throw new GraphQLError(`The report "${entry.source.name}" does not validate against the current API schema, so it cannot run.`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', problems: entry.problems },
    })
  }

  async function run(request: FastifyRequest, reply: FastifyReply, report: Report, variables: Record<string, unknown>, format: Format) {
    const tooLarge = checkSizes(config.limits, report.query, variables)
    if (tooLarge) throw tooLarge
    const result = await app.executeGraphQL(request.identity, { query: report.query, variables, operationName: report.operationName }, request.id)
    const errors = result.errors ?? []
    const rows = report.rowsPath.reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], result.data)
    // A spreadsheet must not silently miss rows or cells: CSV only for a complete answer.
    if (errors.length && (format === 'csv' || !Array.isArray(rows))) {
      return reply.code(statusFor(errors)).send({ data: result.data ?? null, errors })
    }
    if (format === 'json') return reply.send({ data: result.data ?? null, ...(errors.length ? { errors } : {}) })
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="${report.name}.csv"`)
      .send(toCsv(report.columns, Array.isArray(rows) ? rows : []))
  }

  app.get('/reports', async () => {
    const { registry } = await reports()
    return { reports: (await registry.list()).map(describe) }
  })

  app.post('/reports', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    // A registered report must stay within the limits a query sent to /graphql has to meet.
    const tooLarge = checkOperationRequest(config.limits, { query: body?.query })
    if (tooLarge) throw tooLarge
    const { registry } = await reports()
    const report = await registry.register(typeof body === 'object' ? body : {}, request.identity.sub, new Date())
    request.log.info({ report: report.name, by: request.identity.sub }, 'report registered')
    return reply.code(201).header('location', `/reports/${report.name}`).send(describe({ source: report, report }))
  })

  app.get<{ Params: { file: string }; Querystring: Record<string, string | string[]> }>('/reports/:file', async (request, reply) => {
    const { entry, format } = await find(request.params.file)
    if (!format) return describe(entry)
    const report = runnable(entry)
    const { schema } = await reports()
    return run(request, reply, report, variablesFromQuery(schema, report.variables, request.query), format)
  })

  app.post<{ Params: { file: string } }>('/reports/:file', async (request, reply) => {
    const { entry, format } = await find(request.params.file)
    const report = runnable(entry)
    return run(request, reply, report, variablesFromBody(report.variables, request.body), format ?? 'json')
  })

  app.delete<{ Params: { file: string } }>('/reports/:file', async (request, reply) => {
    const name = request.params.file
    const { registry } = await reports()
    const outcome = NAME.test(name) ? await registry.remove(name) : 'missing'
    if (outcome === 'built-in') return reply.code(409).send(errorBody(`"${name}" is a built-in report: it is a file of the gateway and cannot be removed here.`, 'CONFLICT'))
    if (outcome === 'missing') return reply.code(404).send(errorBody(`No registered report named "${name.slice(0, 64)}".`, 'NOT_FOUND'))
    request.log.info({ report: name, by: request.identity.sub }, 'report removed')
    return reply.code(204).send()
  })
}
