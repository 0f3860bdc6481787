// The HTTP edge in front of Apollo Server: what people send before it is a GraphQL request.
// - Errors that happen outside GraphQL (bad JSON, a body too large, an unsupported content type,
//   a rate limit) reach GraphQL clients as GraphQL-shaped errors with a code; other routes keep
//   Fastify's shape. Anything that would be a 5xx is logged and masked, with the request id.
// - Operation limits (limits/operation.ts) refuse an operation before Apollo Server parses,
//   validates or plans it; batched requests (a JSON array) are refused, or limited to LIMIT_BATCH.
// - Every answer is counted in the metrics.
// - During shutdown, in-flight requests finish and their keep-alive connections then close.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { GraphQLError } from 'graphql'
import { closeConnectionsOnShutdown } from '../subgraphs/common/app.ts'
import type { OperationLimits } from './config.ts'
import { checkOperationRequest, limitExceeded } from './limits/operation.ts'
import { RateLimitedError } from './limits/rate.ts'
import type { GatewayMetrics } from './observability/metrics.ts'

export const GRAPHQL_PATH = '/graphql'

function clientCode(status: number): string {
  if (status === 413) return 'OPERATION_LIMIT_EXCEEDED'
  if (status === 429) return 'RATE_LIMITED'
  return 'BAD_REQUEST'
}

export function graphqlErrorBody(message: string, extensions: Record<string, unknown>) {
  return { errors: [{ message, extensions }] }
}

export function registerEdge(app: FastifyInstance, options: { limits: OperationLimits; metrics: GatewayMetrics }) {
  const { limits, metrics } = options
  closeConnectionsOnShutdown(app)

  app.setErrorHandler((error: FastifyError | RateLimitedError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof RateLimitedError) {
      metrics.error('RATE_LIMITED')
      return reply
        .code(429)
        .header('retry-after', String(error.retryAfterSeconds))
        .send(graphqlErrorBody(error.message, { code: 'RATE_LIMITED', retryAfter: error.retryAfterSeconds }))
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      metrics.error('INTERNAL_SERVER_ERROR')
      const extensions = { code: 'INTERNAL_SERVER_ERROR', requestId: request.id }
      if (request.routeOptions.url === GRAPHQL_PATH) return reply.code(500).send(graphqlErrorBody('Internal server error', extensions))
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', requestId: request.id })
    }
    // Other routes answer their own clients in Fastify's shape: the default handler does that.
    if (request.routeOptions.url !== GRAPHQL_PATH) throw error
    const code = clientCode(status)
    metrics.error(code)
    const extensions: Record<string, unknown> = { code }
    if (status === 413) Object.assign(extensions, { limit: 'bodyBytes', max: app.initialConfig.bodyLimit })
    return reply.code(status).send(graphqlErrorBody(status === 413 ? `The request body is larger than ${app.initialConfig.bodyLimit} bytes.` : error.message, extensions))
  })

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return
    const refuse = (error: GraphQLError) => {
      const limit = String(error.extensions.limit)
      metrics.error('OPERATION_LIMIT_EXCEEDED')
      metrics.limitRefused(limit)
      request.log.info({ limit, value: error.extensions.value }, 'operation refused: over a limit')
      return reply.code(400).send({ errors: [error.toJSON()] })
    }
    const params = request.method === 'GET' ? request.query : request.body
    if (!Array.isArray(params)) {
      const error = checkOperationRequest(limits, params)
      return error ? refuse(error) : undefined
    }
    if (params.length > limits.maxBatch || limits.maxBatch === 1) {
      const hint = limits.maxBatch === 1 ? ' Send one operation per request.' : ''
      const message = `The request batches ${params.length} operations; the limit is ${limits.maxBatch}.${hint}`
      return refuse(limitExceeded('batch', params.length, limits.maxBatch, message))
    }
    for (const operation of params) {
      const error = checkOperationRequest(limits, operation)
      if (error) return refuse(error)
    }
  })

  app.addHook('onResponse', async (request, reply) => metrics.observeHttp(request, reply))
}
