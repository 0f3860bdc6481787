// Builds the gateway (never listens): Fastify + Apollo Server + @apollo/gateway, with
// authentication, graphql-shield authorisation by query filtering, identity forwarding to the
// subgraphs, operation and rate limits, error masking, metrics, tracing and health routes.
import { readFile } from 'node:fs/promises'
import Fastify, { type FastifyInstance } from 'fastify'
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { fastifyApolloHandler } from '@as-integrations/fastify'
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway'
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql'
import { PUBLIC, type Identity } from '../subgraphs/common/identity.ts'
import { AuthorizingGateway } from './authz/gateway.ts'
import { noteSubgraphCall, withResponseCache } from './cache/index.ts'
import { policy as defaultPolicy } from './authz/policy/index.ts'
import type { Policy } from './authz/policy/types.ts'
import type { GatewayConfig } from './config.ts'
import { boundedDocumentStore, QUERY_PLAN_STORE_MIB } from './document-cache.ts'
import { registerEdge } from './edge.ts'
import { formatError } from './errors.ts'
import { AuthenticationError, createAuthenticator } from './identity/authenticate.ts'
import { loadOrCreateKeyPair, keyPairFromEnv, type KeyPair } from './identity/keys.ts'
import { subgraphTokenSigner } from './identity/subgraph-token.ts'
import { registerRateLimit } from './limits/rate.ts'
import { GatewayMetrics } from './observability/metrics.ts'
import { startTracing } from './observability/tracing.ts'
import { operationResolutionPlugin } from './operation-resolution.ts'
import { routePlugins } from './routes/index.ts'
import { subgraphFetcher } from './subgraph-fetch.ts'

export interface GatewayContext {
  identity: Identity
  requestId: string
}

export interface GatewayOptions {
  config: GatewayConfig
  /** Key that signs the identity forwarded to subgraphs (default: GATEWAY_SIGNING_KEY or the data folder). */
  subgraphKey?: KeyPair
  /** Key that verifies people's tokens when no JWKS URL is configured (default: the data folder). */
  authKey?: KeyPair
  policy?: Policy
  /** Benchmarks only: run without authorisation to measure what it costs. */
  authorizationDisabled?: boolean
  logger?: boolean | object
}

/** Runs one GraphQL operation for an identity, through the same authorisation as /graphql. */
export type ExecuteGraphQL = (
  identity: Identity,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  requestId?: string,
) => Promise<{ data?: Record<string, unknown> | null; errors?: ReadonlyArray<GraphQLFormattedError> }>

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity
  }
  interface FastifyInstance {
    /** Each subgraph's readiness, asked over HTTP. */
    subgraphReadiness(): Promise<Record<string, { status: 'ok' | 'unavailable'; reason?: string }>>
    /** GraphQL for the gateway's own HTTP routes (reports, HSDS export): same rules, same plans. */
    executeGraphQL: ExecuteGraphQL
    /** The API schema the gateway serves (known once Apollo Server has started). */
    apiSchema(): GraphQLSchema
    metrics: GatewayMetrics
  }
}

async function loadSupergraph(location: string): Promise<string> {
  if (/^https?:\/\//.test(location)) {
    const res = await fetch(location)
    if (!res.ok) throw new Error(`Could not fetch the supergraph from ${location}: HTTP ${res.status}`)
    return res.text()
  }
  return readFile(location, 'utf8')
}

export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const { config } = options
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // A hop count is valid at runtime (proxy-addr) though Fastify's types omit it.
    trustProxy: config.trustProxy as boolean | string,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && /^[\w-]{1,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : crypto.randomUUID()),
  })
  const subgraphKey =
    options.subgraphKey ?? (process.env.GATEWAY_SIGNING_KEY ? await keyPairFromEnv(process.env.GATEWAY_SIGNING_KEY) : await loadOrCreateKeyPair(config.dataDir, 'gateway-signing'))
  const authKey = config.auth.jwksUrl ? undefined : (options.authKey ?? (await loadOrCreateKeyPair(config.dataDir, 'auth-signing')))
  const authenticate = createAuthenticator(config.auth, authKey?.publicKey)
  const signFor = subgraphTokenSigner(subgraphKey)
  const supergraphSdl = await loadSupergraph(config.supergraph)
  // Subgraph name -> URL: the supergraph's unless configured, noted as @apollo/gateway builds each
  // subgraph's data source while it loads the supergraph (before the gateway is ready).
  const endpoints: Record<string, string> = {}
  const metrics = new GatewayMetrics()
  const tracing = await startTracing(config.tracing)
  app.decorate('metrics', metrics)
  app.addHook('onClose', () => tracing.shutdown())

  // A directory of child-protection contacts sends nothing to third parties unless told to:
  // @apollo/gateway reads this variable when it is constructed.
  if (!config.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = 'true'
  const inner = new ApolloGateway({
    supergraphSdl,
    experimental_approximateQueryPlanStoreMiB: QUERY_PLAN_STORE_MIB,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url
      if (target) endpoints[name] = target
      return new RemoteGraphQLDataSource<Partial<GatewayContext>>({
        url: target,
        // Node's fetch keeps connections alive; a subgraph that hangs is cut off after its timeout.
        fetcher: subgraphFetcher(name, { timeoutMs: config.subgraphTimeouts[name] ?? config.subgraphTimeoutMs, metrics, log: app.log }) as never,
        async willSendRequest({ request, context }) {
          // Also runs for health checks, with an empty context: those go out as the public role.
          noteSubgraphCall(context, name, request.query)
          const token = await signFor(context.identity ?? PUBLIC, name)
          request.http?.headers.set('authorization', `Bearer ${token}`)
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId)
          if (tracing.enabled && request.http) tracing.inject(request.http.headers)
        },
      })
    },
  })
  let apiSchema: GraphQLSchema | undefined
  inner.onSchemaLoadOrUpdate((update) => {
    apiSchema = update.apiSchema
  })
  const gateway = new AuthorizingGateway(inner, {
    policy: options.policy ?? defaultPolicy,
    mode: config.authzMode,
    log: app.log,
    disabled: options.authorizationDisabled,
  })

  const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            for (const e of response.body.singleResult.errors) {
              if (e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.extensions?.code === 'SUBGRAPH_UNAVAILABLE') (e.extensions as Record<string, unknown>).requestId = contextValue.requestId
            }
          }
        },
      }
    },
  }
  const apollo = new ApolloServer<GatewayContext>({
    gateway: await withResponseCache(gateway, config.cache, app.log),
    introspection: config.introspection,
    documentStore: boundedDocumentStore(),
    csrfPrevention: true,
    allowBatchedHttpRequests: config.limits.maxBatch > 1,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      const masked = formatError(formatted, error, app.log)
      metrics.error(String(masked.extensions?.code))
      return masked
    },
    // Apollo's landing page loads from a CDN; the GraphiQL page (routes/graphiql.ts) is local.
    plugins: [requestIdPlugin, operationResolutionPlugin(), ApolloServerPluginLandingPageDisabled()],
    logger: app.log,
  })
  await apollo.start()

  app.decorate<ExecuteGraphQL>('executeGraphQL', async (identity, request, requestId = crypto.randomUUID()) => {
    const response = await apollo.executeOperation(request, { contextValue: { identity, requestId } })
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here')
    return response.body.singleResult as Awaited<ReturnType<ExecuteGraphQL>>
  })

  // Every route but health, metrics and the JWKS knows who is asking: no token is the public role.
  app.decorateRequest('identity', null as unknown as Identity)
  registerEdge(app, { limits: config.limits, metrics })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    if (request.url.startsWith('/health') || request.url.startsWith('/.well-known') || request.url.startsWith('/metrics')) return
    try {
      request.identity = await authenticate(request.headers.authorization)
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err
      // A refused token still counts against the client's rate limit (by address).
      await app.countRefusedRequest(request)
      metrics.error('UNAUTHENTICATED')
      return reply.code(401).header('www-authenticate', 'Bearer').send({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] })
    }
  })
  await registerRateLimit(app, config.rateLimit)
  const handler = fastifyApolloHandler(apollo, { context: async (request) => ({ identity: request.identity, requestId: request.id }) })
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler })

  app.get('/.well-known/jwks.json', async () => ({ keys: [subgraphKey.publicJwk] }))
  app.decorate('subgraphReadiness', () => subgraphReadiness(endpoints, app.log))
  app.decorate('apiSchema', () => {
    if (!apiSchema) throw new Error('the gateway has not loaded its supergraph')
    return apiSchema
  })
  for (const plugin of routePlugins) await app.register(plugin, { config })
  // Fastify's close lets in-flight requests finish first; then Apollo Server and the gateway stop.
  app.addHook('onClose', () => apollo.stop())
  return app
}

/**
 * Asks each subgraph's /health/ready (beside its /graphql URL), with a short timeout. A connection
 * error is tried once more on a new connection: a kept-alive one may have been closed by a
 * subgraph that restarted.
 */
async function subgraphReadiness(urls: Record<string, string>, log: { warn(obj: object, msg: string): void }) {
  const ask = (url: string) => fetch(url, { signal: AbortSignal.timeout(2000) })
  const askTwice = (url: string) => ask(url).catch((err: Error) => (err.name === 'TimeoutError' ? Promise.reject(err) : ask(url)))
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const res = await askTwice(url.replace(/\/graphql$/, '/health/ready'))
        return [name, res.ok ? { status: 'ok' as const } : { status: 'unavailable' as const, reason: `HTTP ${res.status}` }] as const
      } catch (err) {
        // The answer is public: it says what happened, never an address (the log has that).
        const timedOut = (err as Error).name === 'TimeoutError'
        log.warn({ subgraph: name, err }, 'subgraph readiness check failed')
        return [name, { status: 'unavailable' as const, reason: timedOut ? 'no answer within 2 s' : 'unreachable' }] as const
      }
    }),
  )
  return Object.fromEntries(entries)
}
