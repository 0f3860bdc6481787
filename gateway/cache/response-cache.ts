// The response cache for reads. An answer is keyed by the operation (its query hash and name,
// which with the permission set decide the filtered document and plan), the variables, and who
// asked: everyone without a token shares the public entry; a signed-in caller only ever gets
// answers produced for the same identity claims (the subgraphs decide ownership from them, so
// even one permission set is not enough to share). Only queries are cached, only answers without
// errors other than the authorisation removals (which follow from the key), and only for the TTL.
// Identical queries from the same caller that arrive while one is running share its answer
// (coalescing), also when no answers are kept (TTL 0): under load, a popular public query runs
// once for every batch of callers rather than once per caller.
import { createHash } from 'node:crypto'
import type { GatewayExecutor } from '@apollo/server-gateway-interface'
import { GraphQLError } from 'graphql'
import type { Identity } from '../../subgraphs/common/identity.ts'
import { permissionSet } from '../authz/rules.ts'
import type { CacheStore, Entry, Generations } from './store.ts'
import { trackSubgraphCalls } from './track.ts'

type RequestContext = Parameters<GatewayExecutor>[0]
type Result = Awaited<ReturnType<GatewayExecutor>>
type Log = { warn(obj: object, msg: string): void }

const MAX_ENTRY_BYTES = 1024 * 1024
const CACHEABLE_ERROR = 'UNAUTHORIZED_FIELD_OR_TYPE'

export interface ResponseCacheOptions {
  /** How long answers are kept; 0 keeps none (identical queries in flight are still shared when coalescing). */
  ttlMs: number
  /** Identical queries from the same caller that arrive while one is running wait for its answer. */
  coalesce: boolean
  store: CacheStore
  log: Log
}

interface Running {
  gens: Generations
  /** The leader's answer when it can be shared (no errors but authorisation removals), else null. */
  done: Promise<Result | null>
}

export class ResponseCache {
  private readonly inflight = new Map<string, Running>()
  private schemaHash = ''

  constructor(private readonly options: ResponseCacheOptions) {}

  /** A new supergraph: answers produced for the old one are never used again. */
  useSchema(coreSupergraphSdl: string) {
    this.schemaHash = createHash('sha256').update(coreSupergraphSdl).digest('hex').slice(0, 16)
  }

  async execute(rc: RequestContext, next: GatewayExecutor): Promise<Result> {
    const kind = rc.operation?.operation
    if (kind === 'mutation') return this.mutate(rc, next)
    if (kind !== 'query') return next(rc)

    const key = this.keyOf(rc)
    const { store, ttlMs, coalesce } = this.options
    if (ttlMs > 0) {
      const entry = await store.get(key).catch((err) => this.warn(err, 'read'))
      if (entry) {
        const current = store.generations()
        if (Object.entries(entry.g).every(([name, gen]) => (current[name] ?? 0) === gen)) return this.hit(rc, entry.r, 'HIT')
      }
    }
    // Share an execution already under way, if it started from the same generations (no
    // mutation through this gateway has finished since).
    const running = coalesce ? this.inflight.get(key) : undefined
    if (running && sameGenerations(running.gens, store.generations())) {
      const shared = await running.done
      if (shared) return this.hit(rc, shared, 'COALESCED')
    }
    const gens = { ...store.generations() }
    let settle: ((value: Result | null) => void) | undefined
    const mine: Running = { gens, done: new Promise((resolve) => (settle = resolve)) }
    if (coalesce) this.inflight.set(key, mine)
    let shareable: Result | null = null
    try {
      const calls = trackSubgraphCalls(rc.context)
      const result = await next(rc)
      if (!result.errors?.some((e) => e.extensions?.code !== CACHEABLE_ERROR)) shareable = result
      if (ttlMs > 0) {
        const kept = shareable && this.entryOf(shareable, [...calls.called], gens)
        if (kept) await store.set(key, kept.entry, kept.json, ttlMs).catch((err) => this.warn(err, 'write'))
        rc.response?.http?.headers.set('x-cache', 'MISS')
      }
      return result
    } finally {
      settle!(shareable)
      if (this.inflight.get(key) === mine) this.inflight.delete(key)
    }
  }

  /** A mutation runs as usual; then the subgraphs it changed move to a new generation. */
  private async mutate(rc: RequestContext, next: GatewayExecutor): Promise<Result> {
    const calls = trackSubgraphCalls(rc.context)
    try {
      return await next(rc)
    } finally {
      // Even a failed mutation may have written part of what it was asked.
      if (calls.mutated.size) await this.options.store.invalidate([...calls.mutated])
    }
  }

  private keyOf(rc: RequestContext): string {
    const identity = (rc.context as { identity: Identity }).identity
    const who = identity.role === 'public' && identity.sub === null ? 'public' : [identity.sub, identity.role, identity.org, identity.country, identity.verified]
    const material = JSON.stringify([this.schemaHash, rc.queryHash, rc.operationName, permissionSet(identity), who, canonical(rc.request.variables ?? {})])
    return createHash('sha256').update(material).digest('base64url')
  }

  /** The entry to keep, with its JSON (also the size check); null when it is too large to keep. */
  private entryOf(result: Result, subgraphs: string[], gens: Generations): { entry: Entry; json: string } | null {
    const errors = result.errors?.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions }))
    const entry: Entry = { g: Object.fromEntries(subgraphs.map((name) => [name, gens[name] ?? 0])), r: { data: result.data, errors } }
    const json = JSON.stringify(entry)
    return json.length <= MAX_ENTRY_BYTES ? { entry, json } : null
  }

  /** An answer produced for another request: the data as it is (never changed afterwards), the errors anew. */
  private hit(rc: RequestContext, answer: Entry['r'] | Result, how: 'HIT' | 'COALESCED'): Result {
    rc.response?.http?.headers.set('x-cache', how)
    const errors = answer.errors?.map((e) => new GraphQLError(e.message, { path: e.path, extensions: { ...e.extensions } }))
    return { data: answer.data as Result['data'], ...(errors ? { errors } : {}) }
  }

  private warn(err: Error, what: 'read' | 'write'): undefined {
    this.options.log.warn({ err: err.message }, `response cache: ${what} failed; answering without it`)
    return undefined
  }
}

function sameGenerations(a: Generations, b: Generations): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const name of names) if ((a[name] ?? 0) !== (b[name] ?? 0)) return false
  return true
}

/** JSON with object keys sorted, so the same variables in another order make the same key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
  }
  return value
}
