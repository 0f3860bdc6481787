// Error masking at the edge: errors with a code from the closed list pass through (subgraph
// client errors included); anything else reaches the client as INTERNAL_SERVER_ERROR and its
// detail goes to the log.
import type { GraphQLFormattedError } from 'graphql'
import { isKnownCode } from '../subgraphs/common/errors.ts'

type Log = { error(obj: object, msg: string): void }

export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Log): GraphQLFormattedError {
  const code = formatted.extensions?.code
  if (isKnownCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
    // Subgraph names, stack traces and subgraph HTTP responses are internal detail.
    const { serviceName: _s, stacktrace: _t, exception: _e, response: _r, ...extensions } = formatted.extensions ?? {}
    return { ...formatted, extensions }
  }
  log.error({ err: error, path: formatted.path, code }, 'masked an internal error')
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } }
}
