// A small GraphQL client for the import: POST to the gateway with a bearer token.
export interface GraphQLError {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; violations?: { path: string; message: string }[]; [k: string]: unknown }
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map(describe).join('; '))
  }
}

/** One line per problem, with the field path of every violation the directory reported. */
export function describe(e: GraphQLError): string {
  const violations = e.extensions?.violations
  if (violations?.length) return violations.map((v) => `${v.path}: ${v.message}`).join('; ')
  return e.extensions?.code ? `${e.message} (${e.extensions.code})` : e.message
}

export type Client = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>

export function graphqlClient(url: string, token: string | undefined): Client {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await res.json().catch(() => null)) as { data?: T; errors?: GraphQLError[] } | null
    if (!body) throw new Error(`${url} answered HTTP ${res.status} without a GraphQL response`)
    if (body.errors?.length) throw new GraphQLRequestError(body.errors)
    return body.data as T
  }
}
