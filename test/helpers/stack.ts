// The whole system for tests: every subgraph and the gateway over real HTTP on ephemeral ports,
// one fresh database (PGlite in memory, or a database of its own on the PostgreSQL server),
// in-memory keys, and real signed tokens.
import type { Test } from 'tap'
import { newKeyPair } from '../../gateway/identity/keys.ts'
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/common/config.ts'
import { mintToken, type TokenClaims } from '../../scripts/token.ts'
import { startStack, type Stack } from '../../scripts/stack.ts'
import { createTestDatabase, type Driver } from './database.ts'
import type { GraphQLResponse } from './subgraph.ts'

/** Where a subgraph the test did not start is looked for: nothing listens on port 1. */
export const UNREACHABLE_URL = 'http://127.0.0.1:1/graphql'

export interface TestStack extends Stack {
  /** A token signed by the stack's identity key (`auth` overrides issuer or audience). */
  token(claims: TokenClaims, expiresIn?: string | number, auth?: Partial<Stack['config']['auth']>): Promise<string>
  /** POST /graphql at the gateway; `token` optional (public). */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T> & { status: number }>
  /** The key the gateway signs forwarded identities with. */
  subgraphKey: CryptoKey
  /** GraphQL documents each subgraph received, in order. */
  received: Map<SubgraphName, string[]>
}

export async function startTestStack(
  t: Test,
  opts: { driver?: Driver; names?: readonly SubgraphName[]; clock?: () => Date; env?: NodeJS.ProcessEnv; authorizationDisabled?: boolean; web?: boolean } = {},
): Promise<TestStack> {
  const database = await createTestDatabase(opts.driver ?? 'pglite')
  // The stack opens its own handles on the same database; ours stays open until teardown.
  const [authKey, subgraphKey] = await Promise.all([newKeyPair('test-auth'), newKeyPair('test-gateway')])
  const received = new Map<SubgraphName, string[]>()
  const envName = (name: string) => name.toUpperCase().replace(/-/g, '_')
  const zeroPorts = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`SUBGRAPH_PORT_${envName(n)}`, '0']))
  // Subgraphs this stack does not start are unreachable, never whatever else listens on their
  // default ports (another stack, a developer's `npm start`).
  const absent = Object.fromEntries(
    SUBGRAPH_NAMES.filter((n) => opts.names && !opts.names.includes(n)).map((n) => [`SUBGRAPH_URL_${envName(n)}`, UNREACHABLE_URL]),
  )
  const stack = await startStack({
    env: { ...zeroPorts, ...absent, PORT: '0', DATA_DIR: database.dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...opts.env },
    names: opts.names,
    authKey: authKey.pair,
    subgraphKey: subgraphKey.pair,
    clock: opts.clock,
    logger: false,
    authorizationDisabled: opts.authorizationDisabled,
    web: opts.web,
    onSubgraphRequest: (name, body) => {
      const list = received.get(name) ?? []
      list.push(String((body as { query?: string } | undefined)?.query ?? ''))
      received.set(name, list)
    },
  })
  t.teardown(async () => {
    await stack.close()
    await database.drop()
  })
  return {
    ...stack,
    received,
    subgraphKey: subgraphKey.pair.privateKey,
    token: (claims, expiresIn, auth) => mintToken(authKey.pair, { ...stack.config.auth, ...auth }, claims, expiresIn),
    async query(query, variables = {}, token) {
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      })
      return { status: res.status, ...((await res.json()) as GraphQLResponse) }
    },
  }
}

/**
 * Polls the gateway's readiness until every subgraph in `names` (all by default) is ok, or `ms`
 * pass; returns the last answer, so a failing assertion shows which one was missing and why.
 */
export async function readinessWithin(
  origin: string,
  ms: number,
  names: readonly SubgraphName[] = SUBGRAPH_NAMES,
): Promise<{ httpStatus: number; body: { status: string; subgraphs: Record<string, { status: string; reason?: string }> } }> {
  const deadline = performance.now() + ms
  for (;;) {
    const res = await fetch(`${origin}/health/ready`)
    const last = { httpStatus: res.status, body: (await res.json()) as { status: string; subgraphs: Record<string, { status: string; reason?: string }> } }
    if (names.every((n) => last.body.subgraphs[n]?.status === 'ok') || performance.now() > deadline) return last
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
