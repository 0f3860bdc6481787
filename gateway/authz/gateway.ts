// The authorising gateway that Apollo Server is given: it wraps @apollo/gateway's executor so that
// every operation is filtered for the caller's permission set before it is planned.
//
// Plan-cache trap: @apollo/gateway builds the plan from requestContext.document but caches it
// under requestContext.queryHash. A filtered document therefore gets its own hash (of its printed
// form), so one permission set's plan can never serve another's.
import { createHash } from 'node:crypto'
import type { GatewayExecutor, GatewayInterface, GatewayLoadResult, GatewayUnsubscriber } from '@apollo/server-gateway-interface'
import type { ApolloGateway } from '@apollo/gateway'
import { GraphQLError, print, type GraphQLSchema } from 'graphql'
import type { Identity } from '../../subgraphs/common/identity.ts'
import { filterOperation, selectOperation, type Filtered } from './filter.ts'
import { restoreRemoved } from './restore.ts'
import { permissionSet } from './rules.ts'
import { buildAuthorizer, UNAUTHORIZED_MESSAGE, type Authorizer } from './shield.ts'
import type { Policy } from './policy/types.ts'

export type AuthzMode = 'filter' | 'reject' | 'dry-run'

export interface AuthzOptions {
  policy: Policy
  mode: AuthzMode
  log: { warn(obj: object, msg: string): void }
  /** Turns authorisation off (benchmarks measure its cost). */
  disabled?: boolean
}

interface Prepared extends Filtered {
  hash: string | null
}

const MAX_CACHED = 2000

export class AuthorizingGateway implements GatewayInterface {
  private authorizer: Authorizer | undefined
  private apiSchema: GraphQLSchema | undefined
  private cache = new Map<string, Promise<Prepared>>()

  constructor(
    private readonly inner: ApolloGateway,
    private readonly options: AuthzOptions,
  ) {}

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    // Apollo Server subscribes to onSchemaLoadOrUpdate before load(), so the API schema is known here.
    const { executor } = await this.inner.load(options)
    return { executor: executor && ((requestContext) => this.execute(requestContext, executor)) }
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate((update) => {
      this.useSchema(update.apiSchema)
      callback(update)
    })
  }

  stop(): Promise<void> {
    return this.inner.stop()
  }

  private useSchema(schema: GraphQLSchema) {
    if (schema === this.apiSchema) return
    this.apiSchema = schema
    this.authorizer = buildAuthorizer(schema, this.options.policy)
    this.cache.clear()
    if (this.authorizer.unknown.length) {
      this.options.log.warn({ unknown: this.authorizer.unknown }, 'policy names types or fields this supergraph does not have')
    }
  }

  private async execute(requestContext: Parameters<GatewayExecutor>[0], executor: GatewayExecutor) {
    const identity = (requestContext.context as { identity: Identity }).identity
    if (this.options.disabled) return executor(requestContext)
    const operationName = requestContext.request.operationName ?? null
    const key = `${requestContext.queryHash}|${operationName}|${permissionSet(identity)}`
    let prepared = this.cache.get(key)
    if (!prepared) {
      prepared = this.prepare(requestContext.document, operationName, identity)
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!)
      this.cache.set(key, prepared)
      prepared.catch(() => this.cache.delete(key))
    }
    const filtered = await prepared
    if (filtered.removed.length === 0) return executor(requestContext)

    const errors = filtered.removed.map(
      (r) => new GraphQLError(UNAUTHORIZED_MESSAGE, { path: r.path, extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', field: r.coordinate } }),
    )
    if (this.options.mode === 'dry-run') {
      this.options.log.warn({ removed: filtered.removed, role: identity.role }, 'authorisation dry run: these fields would be removed')
      return executor(requestContext)
    }
    if (this.options.mode === 'reject' || !filtered.document) return { data: null, errors }

    const result = await executor({
      ...requestContext,
      document: filtered.document,
      queryHash: filtered.hash!,
      operation: filtered.document.definitions[0],
    } as typeof requestContext)
    const data = restoreRemoved(this.apiSchema!, filtered.inlined, filtered.removedNodes, result.data as Record<string, unknown> | null)
    return { ...result, data, errors: [...errors, ...(result.errors ?? [])] }
  }

  private async prepare(document: Parameters<GatewayExecutor>[0]['document'], operationName: string | null, identity: Identity): Promise<Prepared> {
    const operation = selectOperation(document, operationName)
    if (!operation) return { inlined: undefined as never, document, removed: [], removedNodes: new Set(), hash: null }
    const authorizer = this.authorizer!
    const ctx = { identity }
    const filtered = await filterOperation(this.apiSchema!, document, operation, (type, field) => authorizer.allows(type, field, ctx))
    const hash = filtered.document ? createHash('sha256').update(print(filtered.document)).digest('hex') : null
    return { ...filtered, hash }
  }
}
