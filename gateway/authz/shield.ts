// graphql-shield at an Apollo gateway: the gateway never calls resolvers, so instead of
// applyMiddleware we ask shield's generated middleware, field by field, whether it would let the
// field resolve. Deny by default: any field the policy does not name falls to `deny`.
import { GraphQLError, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql'
import { deny, shield } from 'graphql-shield'
import type { Policy } from './policy/types.ts'
import { shieldRules, type AuthzContext } from './rules.ts'

export const UNAUTHORIZED_MESSAGE = 'Unauthorized field or type'

type FieldMiddleware = (resolve: () => unknown, parent: unknown, args: unknown, ctx: unknown, info: unknown) => Promise<unknown>

export interface Authorizer {
  /** Whether shield lets `type.field` resolve for the identity in ctx. */
  allows(type: GraphQLObjectType, field: string, ctx: AuthzContext): Promise<boolean>
  /** Policy entries naming types or fields this schema does not have (serving another supergraph). */
  unknown: string[]
}

const ALLOW = Symbol('allow')

export function buildAuthorizer(apiSchema: GraphQLSchema, policy: Policy): Authorizer {
  const unknown: string[] = []
  const tree: Record<string, Record<string, unknown>> = {}
  for (const [typeName, fields] of Object.entries(policy)) {
    const type = apiSchema.getType(typeName)
    if (!isObjectType(type)) {
      unknown.push(typeName)
      continue
    }
    const known = type.getFields()
    for (const [field, ruleName] of Object.entries(fields)) {
      if (!known[field]) unknown.push(`${typeName}.${field}`)
      else (tree[typeName] ??= {})[field] = shieldRules[ruleName]
    }
  }
  const generated = shield(tree as never, {
    fallbackRule: deny,
    allowExternalErrors: false,
    fallbackError: () => new GraphQLError(UNAUTHORIZED_MESSAGE, { extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }),
  }).generate(apiSchema) as Record<string, Record<string, FieldMiddleware | { resolve: FieldMiddleware }>>

  return {
    unknown,
    async allows(type, field, ctx) {
      const entry = generated[type.name]?.[field]
      if (!entry) return false
      const middleware = typeof entry === 'function' ? entry : entry.resolve
      const info = { fieldName: field, parentType: type, schema: apiSchema, path: { key: field } }
      return (await middleware(() => ALLOW, undefined, {}, ctx, info)) === ALLOW
    },
  }
}
