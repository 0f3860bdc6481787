// The closed list of error codes clients may see. Anything else is logged and masked.
import { GraphQLError } from 'graphql'

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHORIZED_FIELD_OR_TYPE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'SUBGRAPH_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

const known = new Set<string>(ERROR_CODES)
export const isKnownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && known.has(code)

export function clientError(code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } })
}

export interface Violation {
  path: string
  message: string
}

/** Every violation at once, each with its field path; nothing is written. */
export function invalidInput(violations: Violation[]) {
  const summary = violations.map((v) => `${v.path}: ${v.message}`).join('; ')
  return clientError('BAD_USER_INPUT', `Invalid input: ${summary}`, { violations })
}

export const notFound = (what: string, id: string) => clientError('NOT_FOUND', `No ${what} with id "${id}".`, { id })
export const forbidden = (message: string) => clientError('FORBIDDEN', message)
