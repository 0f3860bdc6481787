// A report is one named GraphQL query that returns a list of rows. Compiling checks it against the
// gateway's API schema (parse, graphql-js validate, read-only, one root field of list type) and
// works out its declared variables and its CSV columns, in selection order.
import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  parse,
  print,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql'
import { clientError } from '../../subgraphs/common/errors.ts'

export const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_NAME = 64
export const MAX_QUERY = 20_000
export const MAX_DESCRIPTION = 1000

export interface ReportSource {
  name: string
  description: string
  query: string
  origin: 'built-in' | 'registered'
  registeredBy?: string | null
  registeredAt?: string
}

export interface DeclaredVariable {
  name: string
  /** As written, such as "Date!" or "[String!]". */
  type: string
  typeNode: TypeNode
  required: boolean
  default?: string
}

export interface Report extends ReportSource {
  document: DocumentNode
  operationName: string | undefined
  /** Response keys from the data to the list of rows: ["coverageGaps"], or ["partners", "nodes"] for a connection. */
  rowsPath: string[]
  variables: DeclaredVariable[]
  /** Column paths in selection order; nested objects give dotted names. */
  columns: string[][]
}

/** Checks a report's name and description; returns the violations' messages. */
export function checkNaming(name: unknown, description: unknown): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (typeof name !== 'string' || !NAME.test(name) || name.length > MAX_NAME) {
    problems.push({ path: 'name', message: `must be lower-case letters and digits in words joined by "-", at most ${MAX_NAME} characters (such as "gaps-by-country")` })
  }
  if (typeof description !== 'string' || !description.trim() || description.length > MAX_DESCRIPTION) {
    problems.push({ path: 'description', message: `is required: say what the report shows, in at most ${MAX_DESCRIPTION} characters` })
  }
  return problems
}

/** Compiles a report; throws a GraphQLError whose code says what is wrong (parse, validation, shape). */
export function compileReport(schema: GraphQLSchema, source: ReportSource): Report {
  if (typeof source.query !== 'string' || !source.query.trim()) throw clientError('BAD_USER_INPUT', 'The report needs a query.', { path: 'query' })
  if (source.query.length > MAX_QUERY) throw clientError('BAD_USER_INPUT', `The query is longer than ${MAX_QUERY} characters.`, { path: 'query' })
  let document: DocumentNode
  try {
    document = parse(source.query, { maxTokens: 5000 })
  } catch (err) {
    throw clientError('GRAPHQL_PARSE_FAILED', (err as Error).message)
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  if (operations.length !== 1) throw clientError('BAD_USER_INPUT', `A report is exactly one operation; this document has ${operations.length}.`)
  const operation = operations[0]!
  if (operation.operation !== 'query') {
    throw clientError('BAD_USER_INPUT', `Reports only read: a report must be a query, not a ${operation.operation}.`)
  }
  const errors = validate(schema, document)
  if (errors.length) {
    throw clientError('GRAPHQL_VALIDATION_FAILED', `The query does not validate against the API schema: ${errors.map((e) => e.message).join(' ')}`, {
      problems: errors.map((e) => e.message),
    })
  }
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  )
  const roots = fieldsOf([operation.selectionSet], fragments).filter((f) => f.name.value !== '__typename')
  const rows = new Set(roots.map(key)).size === 1 ? findRows(schema.getQueryType()!, roots, fragments) : null
  if (!rows) {
    throw clientError(
      'BAD_USER_INPUT',
      'A report returns a list of rows: its query selects exactly one root field, whose type is a list of objects (such as coverageGaps) or a connection whose nodes it selects (such as partners { nodes { … } }).',
    )
  }
  return {
    ...source,
    document,
    operationName: operation.name?.value,
    rowsPath: rows.path,
    variables: declaredVariables(operation),
    columns: columnsOf(rows.sets, fragments),
  }
}

/** The operation's variables as declared: name, type, whether required, default. */
export function declaredVariables(operation: OperationDefinitionNode): DeclaredVariable[] {
  return (operation.variableDefinitions ?? []).map((v) => ({
    name: v.variable.name.value,
    type: print(v.type),
    typeNode: v.type,
    required: v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue,
    ...(v.defaultValue ? { default: print(v.defaultValue) } : {}),
  }))
}

type Fragments = Map<string, FragmentDefinitionNode>
type Field = Extract<SelectionSetNode['selections'][number], { kind: Kind.FIELD }>

const key = (f: Field) => (f.alias ?? f.name).value

/**
 * Follows the selected fields (all with one response key) down to the list of rows: the field
 * itself when it is a list of objects, else the one selected list of objects below it (a
 * connection's nodes), at most three levels down. Null when there is no such list.
 */
function findRows(parent: GraphQLObjectType, fields: Field[], fragments: Fragments, path: string[] = []): { path: string[]; sets: SelectionSetNode[] } | null {
  const type = parent.getFields()[fields[0]!.name.value]?.type
  const sets = fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []))
  const nullable = type && getNullableType(type)
  const here = [...path, key(fields[0]!)]
  if (nullable && isListType(nullable)) return isCompositeType(getNamedType(nullable)) ? { path: here, sets } : null
  if (!nullable || !isObjectType(nullable) || here.length >= 3) return null
  const lists = fieldsOf(sets, fragments).filter((f) => {
    const t = nullable.getFields()[f.name.value]?.type
    return t && isListType(getNullableType(t)) && isCompositeType(getNamedType(t))
  })
  const keys = new Set(lists.map(key))
  return keys.size === 1 ? findRows(nullable, lists, fragments, here) : null
}

/** The fields of selection sets with fragments inlined, in document order. */
function fieldsOf(sets: readonly SelectionSetNode[], fragments: Fragments): Field[] {
  const out: Field[] = []
  for (const set of sets) {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push(s)
      else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf([s.selectionSet], fragments))
      else {
        const fragment = fragments.get(s.name.value)
        if (fragment) out.push(...fieldsOf([fragment.selectionSet], fragments))
      }
    }
  }
  return out
}

/** Leaf paths in selection order, each once: `partner { name }` gives ["partner", "name"]. */
function columnsOf(sets: readonly SelectionSetNode[], fragments: Fragments, prefix: string[] = [], seen = new Set<string>()): string[][] {
  const columns: string[][] = []
  for (const field of fieldsOf(sets, fragments)) {
    const path = [...prefix, key(field)]
    if (field.selectionSet) {
      columns.push(...columnsOf([field.selectionSet], fragments, path, seen))
    } else if (!seen.has(path.join('.'))) {
      seen.add(path.join('.'))
      columns.push(path)
    }
  }
  return columns
}
