// The fetcher each subgraph's RemoteGraphQLDataSource uses: a timeout per subgraph request (body
// included), the latency metric, and one clear error when a subgraph is down, slow or failing.
//
// A subgraph that cannot answer becomes SUBGRAPH_UNAVAILABLE rather than INTERNAL_SERVER_ERROR:
// the client can tell "part of the directory is away for a moment, the rest of the answer is
// good, retry later" from a fault in the gateway. The error names no subgraph or address (the
// log does, with the request id). @apollo/gateway keeps the other subgraphs' data; fields that
// depended on the failed fetch are null (and null propagates up through non-null fields as
// GraphQL requires). Nothing is remembered between requests, so a subgraph that comes back is
// used again by the next request.
import { GraphQLError } from 'graphql'
import type { FetchOutcome, GatewayMetrics } from './observability/metrics.ts'

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void }

export interface SubgraphFetchOptions {
  timeoutMs: number
  metrics: GatewayMetrics
  log: Log
}

export const UNAVAILABLE_MESSAGE = 'Part of the directory is unavailable right now; the fields it serves are null. Try again shortly.'

export function subgraphUnavailable(reason: 'timeout' | 'unreachable' | 'error'): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason } })
}

const isTimeout = (err: unknown) => err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')

export function subgraphFetcher(subgraph: string, options: SubgraphFetchOptions) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const started = performance.now()
    const reqId = (init.headers as Record<string, string> | undefined)?.['x-request-id']
    let outcome: FetchOutcome = 'ok'
    try {
      const signal = AbortSignal.timeout(options.timeoutMs)
      const res = await fetch(url, { ...init, signal })
      if (res.status >= 500) {
        outcome = 'error'
        await res.body?.cancel()
        options.log.warn({ subgraph, reqId, status: res.status }, 'subgraph answered with a server error')
        throw subgraphUnavailable('error')
      }
      if (res.status === 401 || res.status === 403) {
        // The subgraph refused the gateway's signed identity: a key or clock problem here, not
        // the client's; masked as an internal error (never passed on as the client's 401).
        outcome = 'error'
        await res.body?.cancel()
        options.log.error({ subgraph, reqId, status: res.status }, 'subgraph refused the gateway identity: check GATEWAY_SIGNING_KEY and the subgraph JWKS')
        throw new Error(`subgraph ${subgraph} refused the gateway identity (HTTP ${res.status})`)
      }
      // Read the body under the same deadline: a subgraph that stalls mid-answer is cut off too.
      const body = await res.arrayBuffer()
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers })
    } catch (err) {
      if (err instanceof GraphQLError || outcome === 'error') throw err
      outcome = isTimeout(err) ? 'timeout' : 'unreachable'
      options.log.warn({ subgraph, reqId, err, timeoutMs: options.timeoutMs }, `subgraph ${outcome === 'timeout' ? 'did not answer in time' : 'is unreachable'}`)
      throw subgraphUnavailable(outcome)
    } finally {
      options.metrics.subgraphFetched(subgraph, outcome, (performance.now() - started) / 1000)
    }
  }
}
