// Puts the removed fields back into the response as null, so the client gets the shape it asked
// for, with graphql's non-null propagation: a removed non-null field nulls its parent object,
// up to the nearest nullable field (or `data` itself).
import {
  Kind,
  getNullableType,
  isAbstractType,
  isListType,
  isNonNullType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import { TYPENAME_ALIAS } from './filter.ts'

type Obj = Record<string, unknown>

export function restoreRemoved(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  removedNodes: ReadonlySet<FieldNode>,
  data: Obj | null | undefined,
): Obj | null {
  if (!data) return data ?? null

  const applies = (condition: string, runtime: string | undefined, parent: GraphQLCompositeType): boolean => {
    if (condition === parent.name) return true
    const conditionType = schema.getType(condition)
    if (!runtime) return false
    if (condition === runtime) return true
    const runtimeType = schema.getType(runtime)
    return !!conditionType && isAbstractType(conditionType) && !!runtimeType && schema.isSubType(conditionType, runtimeType as GraphQLObjectType)
  }

  // Returns true when this object must become null (a non-null field in it is null).
  const restoreObject = (obj: Obj, set: SelectionSetNode, parent: GraphQLCompositeType, runtime: string | undefined): boolean => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const condition = sel.typeCondition?.name.value ?? parent.name
        if (!applies(condition, runtime, parent)) continue
        const type = schema.getType(condition) as GraphQLCompositeType
        if (restoreObject(obj, sel.selectionSet, type, runtime)) return true
        continue
      }
      if (sel.kind !== Kind.FIELD || sel.name.value.startsWith('__')) continue
      const key = sel.alias?.value ?? sel.name.value
      const fieldType = (parent as GraphQLObjectType).getFields()[sel.name.value]!.type
      if (removedNodes.has(sel)) {
        if (!(key in obj)) obj[key] = null
        if (obj[key] === null && isNonNullType(fieldType)) return true
        continue
      }
      if (sel.selectionSet && obj[key] != null) {
        obj[key] = restoreValue(obj[key], sel.selectionSet, fieldType)
        if (obj[key] === null && isNonNullType(fieldType)) return true
      }
    }
    return false
  }

  const restoreValue = (value: unknown, set: SelectionSetNode, type: GraphQLOutputType): unknown => {
    if (value === null || value === undefined) return null
    const nullable = getNullableType(type)
    if (isListType(nullable)) {
      const items = (value as unknown[]).map((item) => restoreValue(item, set, nullable.ofType))
      return isNonNullType(nullable.ofType) && items.some((i) => i === null) ? null : items
    }
    const obj = value as Obj
    const parent = nullable as GraphQLCompositeType
    const runtime = (obj[TYPENAME_ALIAS] as string | undefined) ?? (isAbstractType(parent) ? undefined : parent.name)
    delete obj[TYPENAME_ALIAS]
    return restoreObject(obj, set, parent, runtime) ? null : obj
  }

  const root = schema.getRootType(operation.operation)!
  delete data[TYPENAME_ALIAS]
  return restoreObject(data, operation.selectionSet, root, root.name) ? null : data
}
