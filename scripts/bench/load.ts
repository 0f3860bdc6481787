// One load run with autocannon: fixed connections and duration, every response checked for
// GraphQL errors (a substring test, cheap enough not to slow the load generator down).
import autocannon from 'autocannon'

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  requests: number
  non2xx: number
  /** Socket errors and timeouts. */
  errors: number
  graphqlErrors: number
  /** A few responses that had errors, shortened, to say what went wrong. */
  samples: string[]
}

export interface Target {
  url: string
  /** A GraphQL request body (POST); none for a page (GET). */
  body?: string
  headers?: Record<string, string>
}

export async function load(target: Target, opts: { connections: number; duration: number }): Promise<LoadResult> {
  let graphqlErrors = 0
  const samples: string[] = []
  const result = await autocannon({
    url: target.url,
    connections: opts.connections,
    duration: opts.duration,
    timeout: 30,
    requests: [
      {
        ...(target.body === undefined ? { method: 'GET', headers: target.headers } : { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body: target.body }),
        onResponse(status, body) {
          if (status === 200 && !body.includes('"errors"')) return
          graphqlErrors += status === 200 ? 1 : 0
          if (samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`)
        },
      },
    ],
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    graphqlErrors,
    samples,
  }
}
