// GraphQL-shaped error bodies and HTTP statuses for the report routes, so that a client handles
// them as it handles /graphql's: {errors: [{message, extensions: {code}}]}.
import type { GraphQLFormattedError } from 'graphql'

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAUTHORIZED_FIELD_OR_TYPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  OPERATION_LIMIT_EXCEEDED: 400,
  PERSISTED_QUERY_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SUBGRAPH_UNAVAILABLE: 502,
}

/** The status for a response with these errors: the first error's code decides. */
export function statusFor(errors: readonly GraphQLFormattedError[]): number {
  const code = errors[0]?.extensions?.code
  return (typeof code === 'string' && STATUS[code]) || 500
}

export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { ...extensions, code } }] }
}

/** A GraphQLError thrown by the report code, as a formatted error (its extensions kept). */
export function formatted(err: { message: string; extensions?: Record<string, unknown> }): GraphQLFormattedError {
  return { message: err.message, extensions: err.extensions ?? {} }
}
