// Bounded caches for what anyone can make the gateway remember. Apollo Server keeps every parsed
// and validated document, @apollo/gateway every query plan, each in an LRU sized by the JSON length
// of its entries (30 MiB each by default); measured here, the heap they really take is 4 to 7
// times that, so distinct documents sent by one client could grow the heap by a few hundred MB
// before anything is evicted. These bounds keep that to tens of MB; a document evicted is only
// parsed, validated and planned again.
import type { ApolloServerOptions, BaseContext } from '@apollo/server'
import type { DocumentNode } from 'graphql'

type DocumentStore = NonNullable<ApolloServerOptions<BaseContext>['documentStore']>

/** Approximate JSON size (MiB) of the query plans @apollo/gateway keeps. */
export const QUERY_PLAN_STORE_MIB = 8

/** An LRU of parsed documents, bounded by count and by the total length of their source text. */
export function boundedDocumentStore(maxEntries = 1000, maxSourceBytes = 2 * 1024 * 1024): DocumentStore {
  const entries = new Map<string, { document: DocumentNode; size: number }>()
  let total = 0
  const remove = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return false
    entries.delete(key)
    total -= entry.size
    return true
  }
  return {
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      // Most recently used goes last.
      entries.delete(key)
      entries.set(key, entry)
      return entry.document
    },
    async set(key, document) {
      remove(key)
      const size = document.loc?.end ?? 1024
      entries.set(key, { document, size })
      total += size
      while (entries.size > maxEntries || total > maxSourceBytes) remove(entries.keys().next().value!)
    },
    async delete(key) {
      return remove(key)
    },
  }
}
