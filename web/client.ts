// The web asks the gateway's /graphql over HTTP, as any other client does: every rule of the
// gateway (authorisation, limits, rate limits, the public response cache) applies to it. The
// public pages send no token (the public role); the signed-in console will pass the person's.
// The visitor's address goes along in X-Forwarded-For, so that the gateway's rate limit counts
// visitors, not the web (the gateway honours it only from a proxy it trusts: TRUST_PROXY).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print } from 'graphql'

export interface GraphQLErrorBody {
  message: string
  path?: ReadonlyArray<string | number>
  extensions?: { code?: string; [key: string]: unknown }
}

export interface Answer<T> {
  /** Null when nothing could be answered. */
  data: T | null
  errors: GraphQLErrorBody[]
}

export interface Caller {
  /** The visitor's address, forwarded to the gateway. */
  clientIp?: string
  requestId?: string
  /** A bearer token (the signed-in console); none for the public. */
  token?: string
}

/** The gateway could not be asked, or refused the request as a whole. */
export class GatewayUnavailable extends Error {}

export type Query = <T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, caller: Caller) => Promise<Answer<T>>

export function gatewayClient(options: { url: string; timeoutMs: number }): Query {
  // Documents are printed once: they are the same objects on every request.
  const printed = new WeakMap<object, string>()
  return async <T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, caller: Caller): Promise<Answer<T>> => {
    let query = printed.get(document)
    if (!query) printed.set(document, (query = print(document)))
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
    if (caller.clientIp) headers['x-forwarded-for'] = caller.clientIp
    if (caller.requestId) headers['x-request-id'] = caller.requestId
    if (caller.token) headers.authorization = `Bearer ${caller.token}`
    let res: Response
    try {
      res = await fetch(options.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(options.timeoutMs) })
    } catch (err) {
      throw new GatewayUnavailable(`the gateway at ${options.url} did not answer: ${(err as Error).message}`)
    }
    const body = (await res.json().catch(() => null)) as { data?: T | null; errors?: GraphQLErrorBody[] } | null
    if (!body || (body.data == null && !body.errors?.length)) throw new GatewayUnavailable(`the gateway answered HTTP ${res.status} without GraphQL`)
    return { data: body.data ?? null, errors: body.errors ?? [] }
  }
}
