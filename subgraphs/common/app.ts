// Builds one subgraph's Fastify app (never listens): mercurius serving the schema that
// @apollo/subgraph builds from the subgraph's SDL, behind the gateway-identity check.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import mercurius from 'mercurius'
import { buildSubgraphSchema } from '@apollo/subgraph'
import { GraphQLError, parse, type GraphQLScalarType } from 'graphql'
import type { Db } from './db.ts'
import { isKnownCode } from './errors.ts'
import { PUBLIC, type Identity, type IdentityVerifier } from './identity.ts'
import type { SubgraphName } from './config.ts'

// What buildSubgraphSchema takes: type name -> field resolvers (or a scalar).
export type Resolvers = Record<string, GraphQLScalarType | Record<string, unknown>>

export interface BaseContext {
  identity: Identity
  db: Db
  /** Per-request clock, so tests can fix "now". */
  now: Date
}

export interface SubgraphDefinition<Ctx extends BaseContext = BaseContext> {
  name: SubgraphName
  /** PostgreSQL schema holding this subgraph's tables. */
  dbSchema: string
  resolvers: Resolvers
  migrations: string
  createContext(base: BaseContext): Ctx
  seed?(db: Db): Promise<void>
}

export interface AppOptions {
  db: Db
  /** Verifies the gateway-signed identity; every GraphQL request needs one. */
  verifyIdentity: IdentityVerifier
  logger?: FastifyServerOptions['logger']
  /** Fixed clock for tests. */
  clock?: () => Date
}

const schemaRoot = fileURLToPath(new URL('../../schema/', import.meta.url))
export const sdlPath = (name: SubgraphName) => `${schemaRoot}${name}.graphql`
export const readSdl = (name: SubgraphName) => readFileSync(sdlPath(name), 'utf8')

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity
  }
}

export async function buildSubgraphApp<Ctx extends BaseContext>(
  def: SubgraphDefinition<Ctx>,
  opts: AppOptions,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 4 * 1024 * 1024, genReqId: requestId })
  closeConnectionsOnShutdown(app)
  const clock = opts.clock ?? (() => new Date())
  const schema = buildSubgraphSchema({ typeDefs: parse(readSdl(def.name)), resolvers: def.resolvers as never })

  app.decorateRequest('identity', null as unknown as Identity)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    if (!request.url.startsWith('/graphql')) return
    const header = request.headers.authorization
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined
    if (!token) return reply.code(401).send(unauthenticated('This subgraph answers only the gateway: the request has no gateway-signed identity.'))
    try {
      request.identity = await opts.verifyIdentity(token)
    } catch (err) {
      request.log.warn({ err }, 'refused a request with an invalid gateway identity')
      return reply.code(401).send(unauthenticated(`The gateway-signed identity is not valid: ${(err as Error).message}`))
    }
  })

  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    jit: 1,
    context: (request) => def.createContext({ identity: request.identity ?? PUBLIC, db: opts.db, now: clock() }),
    errorFormatter: (execution, context) => {
      const log = context.reply?.log ?? app.log
      const errors = execution.errors.flatMap((error) => {
        const nested = (error.originalError as { errors?: GraphQLError[] } | undefined)?.errors
        return Array.isArray(nested) ? nested : [error]
      })
      return {
        statusCode: 200,
        response: { data: execution.data ?? null, errors: errors.map((e) => maskError(e, log)) },
      }
    },
  })

  app.get('/health/live', async () => ({ status: 'ok', subgraph: def.name }))
  app.get('/health/ready', async (_request, reply) => {
    try {
      await opts.db.query('select 1')
      return { status: 'ok', subgraph: def.name }
    } catch (err) {
      app.log.error({ err }, 'readiness check failed')
      return reply.code(503).send({ status: 'unavailable', subgraph: def.name, reason: 'database' })
    }
  })
  return app
}

/**
 * Once close() has started, every answer says `Connection: close`: a keep-alive connection ends
 * when its in-flight request is answered, instead of holding close() until it times out.
 */
export function closeConnectionsOnShutdown(app: FastifyInstance) {
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })
}

/**
 * The gateway's request id (x-request-id), so one request reads the same in the gateway's and the
 * subgraph's logs (`reqId`); a fresh one when it is missing or not a plain token.
 */
function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const header = req.headers['x-request-id']
  return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID()
}

function unauthenticated(message: string) {
  return { data: null, errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }
}

type Log = { error: (obj: object, msg: string) => void }

function maskError(error: GraphQLError | Error, log: Log) {
  const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error.message)
  const original = graphqlError.originalError
  const code = (original as GraphQLError | undefined)?.extensions?.code ?? graphqlError.extensions?.code
  if (isKnownCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...graphqlError.toJSON(), extensions: { ...(original as GraphQLError | undefined)?.extensions, ...graphqlError.extensions, code } }
  }
  if (!original) {
    // Parse and validation errors come without an original error.
    return { ...graphqlError.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }
  }
  if (!graphqlError.path) {
    // Errors outside any resolver are about the request itself, e.g. a variable of the wrong type.
    return { message: graphqlError.message, locations: graphqlError.locations, extensions: { code: 'BAD_USER_INPUT' } }
  }
  log.error({ err: original, path: graphqlError.path }, 'resolver failed')
  return { message: 'Internal server error', path: graphqlError.path, locations: graphqlError.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } }
}
