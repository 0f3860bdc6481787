// Router-style query filtering: fields the identity may not see are removed from the operation
// before it is planned, so no subgraph is ever asked for them. Fragments are inlined first (a
// fragment can sit at several paths), selections left empty are dropped, then unused variables.
// The parsed document is shared and cached by Apollo Server: nothing here mutates it.
import {
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql'

export const TYPENAME_ALIAS = '__authzTypename'

export type Decide = (type: GraphQLObjectType, field: string) => Promise<boolean>

export interface Removal {
  path: string[]
  coordinate: string
}

export interface Filtered {
  /** The operation with fragments inlined, before filtering: used to put nulls back. */
  inlined: OperationDefinitionNode
  /** The document to plan and execute (null when nothing is left). */
  document: DocumentNode | null
  removed: Removal[]
  removedNodes: ReadonlySet<FieldNode>
}

export function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined
}

function inlineFragments(operation: OperationDefinitionNode, document: DocumentNode): OperationDefinitionNode {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  )
  const inlineSet = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.map((sel): SelectionNode => {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value)!
        return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: sel.directives, selectionSet: inlineSet(fragment.selectionSet) }
      }
      return sel.selectionSet ? { ...sel, selectionSet: inlineSet(sel.selectionSet) } : sel
    }),
  })
  return { ...operation, selectionSet: inlineSet(operation.selectionSet) }
}

export async function filterOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, decide: Decide): Promise<Filtered> {
  const inlined = inlineFragments(operation, document)
  const removed: Removal[] = []
  const removedNodes = new Set<FieldNode>()
  const decisions = new Map<string, Promise<boolean>>()

  const allowedOn = (type: GraphQLCompositeType, field: string): Promise<boolean> => {
    const key = `${type.name}.${field}`
    let decision = decisions.get(key)
    if (!decision) {
      // Shield decides object types only: an interface field is allowed when every implementation allows it.
      const objects = isObjectType(type) ? [type] : isInterfaceType(type) ? schema.getPossibleTypes(type) : []
      decision = Promise.all(objects.map((o) => decide(o, field))).then((all) => all.length > 0 && all.every(Boolean))
      decisions.set(key, decision)
    }
    return decision
  }

  const filterSet = async (set: SelectionSetNode, parent: GraphQLCompositeType, path: string[]): Promise<SelectionSetNode | null> => {
    const kept: SelectionNode[] = []
    let needsTypename = false
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value
        const key = sel.alias?.value ?? name
        if (name.startsWith('__')) {
          kept.push(sel)
          continue
        }
        if (!(await allowedOn(parent, name))) {
          removed.push({ path: [...path, key], coordinate: `${parent.name}.${name}` })
          removedNodes.add(sel)
          continue
        }
        if (!sel.selectionSet) {
          kept.push(sel)
          continue
        }
        const fieldType = getNamedType((parent as GraphQLObjectType).getFields()[name]!.type) as GraphQLCompositeType
        const child = await filterSet(sel.selectionSet, fieldType, [...path, key])
        if (child) kept.push({ ...sel, selectionSet: child })
        else removedNodes.add(sel)
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const condition = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent
        const before = removedNodes.size
        const child = await filterSet(sel.selectionSet, condition, path)
        if (child) kept.push({ ...sel, selectionSet: child } satisfies InlineFragmentNode)
        if (sel.typeCondition && removedNodes.size > before) needsTypename = true
      }
    }
    if (kept.length === 0) return null
    // Putting nulls back under a type condition needs the runtime type of each object.
    if (needsTypename) kept.push({ kind: Kind.FIELD, alias: { kind: Kind.NAME, value: TYPENAME_ALIAS }, name: { kind: Kind.NAME, value: '__typename' } })
    return { ...set, selections: kept }
  }

  const root = schema.getRootType(inlined.operation)!
  const selectionSet = await filterSet(inlined.selectionSet, root, [])
  if (!selectionSet) return { inlined, document: null, removed, removedNodes }
  const filtered = dropUnusedVariables({ ...inlined, selectionSet })
  return { inlined, document: { kind: Kind.DOCUMENT, definitions: [filtered] }, removed, removedNodes }
}

function dropUnusedVariables(operation: OperationDefinitionNode): OperationDefinitionNode {
  if (!operation.variableDefinitions?.length) return operation
  const used = new Set<string>()
  visit(operation.selectionSet, { Variable: (node) => void used.add(node.name.value) })
  for (const directive of operation.directives ?? []) visit(directive, { Variable: (node) => void used.add(node.name.value) })
  return { ...operation, variableDefinitions: operation.variableDefinitions.filter((v) => used.has(v.variable.name.value)) }
}
