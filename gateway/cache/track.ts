// Which subgraphs one operation called, recorded as the gateway sends each subgraph request
// (RemoteGraphQLDataSource.willSendRequest), keyed by the operation's context object. A cached
// answer depends on exactly the subgraphs that answered while it was produced; a mutation
// invalidates the subgraphs it sent a mutation to.

export interface SubgraphCalls {
  /** Every subgraph asked anything. */
  readonly called: Set<string>
  /** Subgraphs sent a mutation. */
  readonly mutated: Set<string>
}

const calls = new WeakMap<object, SubgraphCalls>()

/** Starts recording the subgraph calls made for this context (one operation). */
export function trackSubgraphCalls(context: object): SubgraphCalls {
  const record = { called: new Set<string>(), mutated: new Set<string>() }
  calls.set(context, record)
  return record
}

/** Called for every subgraph request; a no-op unless the operation is being tracked. */
export function noteSubgraphCall(context: object | undefined, subgraph: string, query: string | undefined): void {
  const record = context && calls.get(context)
  if (!record) return
  record.called.add(subgraph)
  if (query && /^\s*mutation\b/.test(query)) record.mutated.add(subgraph)
}
