// Measures an operation the way it will run: every fragment expanded where it is spread. Each
// fragment is measured once and its measure reused, so a fragment spread many times (the classic
// "fragment bomb") costs linear time to measure while its expanded size is still counted in full.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql'

export interface OperationMeasure {
  /** Deepest nesting of field selections; the root fields are level 1. */
  depth: number
  aliases: number
  /** Field selections directly at the root (through fragments). */
  rootFields: number
  /** Field selections in total, fragments expanded. */
  fields: number
}

interface Measure {
  depth: number
  aliases: number
  fields: number
  /** Fields directly in this selection set. */
  top: number
}

const ZERO: Measure = { depth: 0, aliases: 0, fields: 0, top: 0 }
// Counts can grow exponentially through nested spreads; capped, they still exceed any limit.
const cap = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER)
// Introspection nests `ofType` deeply by design; it is off in production and not counted for depth.
const INTROSPECTION_ROOTS = new Set(['__schema', '__type'])

export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const memo = new Map<string, Measure>()
  const visiting = new Set<string>()

  const measure = (set: SelectionSetNode): Measure => {
    let depth = 0
    let aliases = 0
    let fields = 0
    let top = 0
    const add = (m: Measure, depthOffset: number) => {
      depth = Math.max(depth, m.depth + depthOffset)
      aliases = cap(aliases + m.aliases)
      fields = cap(fields + m.fields)
    }
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? measure(selection.selectionSet) : ZERO
        const introspection = INTROSPECTION_ROOTS.has(selection.name.value)
        add({ ...child, depth: introspection ? 0 : child.depth }, 1)
        fields = cap(fields + 1)
        if (selection.alias) aliases = cap(aliases + 1)
        top = cap(top + 1)
      } else {
        const child = selection.kind === Kind.INLINE_FRAGMENT ? measure(selection.selectionSet) : spread(selection.name.value)
        add(child, 0)
        top = cap(top + child.top)
      }
    }
    return { depth, aliases, fields, top }
  }

  const spread = (name: string): Measure => {
    const known = memo.get(name)
    if (known) return known
    const fragment = fragments.get(name)
    // Unknown or cyclic fragments are validation errors; they add nothing here.
    if (!fragment || visiting.has(name)) return ZERO
    visiting.add(name)
    const m = measure(fragment.selectionSet)
    visiting.delete(name)
    memo.set(name, m)
    return m
  }

  const root = measure(operation.selectionSet)
  return { depth: root.depth, aliases: root.aliases, rootFields: root.top, fields: root.fields }
}

/** The operations a request may run: the named one, else every operation in the document. */
export function operationsToMeasure(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  const named = operationName ? operations.filter((o) => o.name?.value === operationName) : []
  return named.length ? named : operations
}
