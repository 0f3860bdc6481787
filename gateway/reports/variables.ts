// A report's variables from a query string (?from=2022-01-01&country=TH&country=PH) or a JSON
// body. Query-string values are text: each is coerced by the type the report declares for it
// (Int, Float, Boolean, Date, enums, input objects as JSON; a list from repeated parameters).
// Every problem is reported at once, by variable, as BAD_USER_INPUT; GraphQL then checks the rest.
import { Kind, isEnumType, isInputObjectType, isScalarType, type GraphQLSchema, type TypeNode } from 'graphql'
import { invalidInput, type Violation } from '../../subgraphs/common/errors.ts'
import { DateScalar } from '../../subgraphs/common/scalars.ts'
import type { DeclaredVariable } from './operation.ts'

type Raw = string | string[] | undefined

const INT = /^[+-]?\d{1,10}$/

function declaredNames(declared: DeclaredVariable[]) {
  return declared.length ? declared.map((d) => `$${d.name} (${d.type})`).join(', ') : 'none'
}

function checkKnownAndRequired(declared: DeclaredVariable[], given: string[], v: Violation[]) {
  const known = new Set(declared.map((d) => d.name))
  for (const name of given) {
    if (!known.has(name)) v.push({ path: `variables.${name}`, message: `is not a variable of this report; its variables: ${declaredNames(declared)}` })
  }
  for (const d of declared) {
    if (d.required && !given.includes(d.name)) v.push({ path: `variables.${d.name}`, message: `is required (${d.type})` })
  }
}

/** Variables from a JSON body: an object with the declared names only; GraphQL coerces the values. */
export function variablesFromBody(declared: DeclaredVariable[], body: unknown): Record<string, unknown> {
  if (body == null || body === '') body = {}
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw invalidInput([{ path: 'variables', message: 'the request body must be a JSON object of the report\'s variables' }])
  }
  const violations: Violation[] = []
  const given = Object.entries(body as Record<string, unknown>).filter(([, value]) => value !== undefined)
  checkKnownAndRequired(declared, given.map(([name]) => name), violations)
  if (violations.length) throw invalidInput(violations)
  return Object.fromEntries(given)
}

/** Variables from query-string parameters, coerced by their declared types. */
export function variablesFromQuery(schema: GraphQLSchema, declared: DeclaredVariable[], query: Record<string, Raw>): Record<string, unknown> {
  const violations: Violation[] = []
  const given = Object.keys(query).filter((name) => query[name] !== undefined)
  checkKnownAndRequired(declared, given, violations)
  const variables: Record<string, unknown> = {}
  for (const d of declared) {
    if (!given.includes(d.name)) continue
    const path = `variables.${d.name}`
    const value = coerce(schema, d.typeNode, query[d.name]!, path, violations)
    if (value !== undefined) variables[d.name] = value
  }
  if (violations.length) throw invalidInput(violations)
  return variables
}

function coerce(schema: GraphQLSchema, type: TypeNode, raw: string | string[], path: string, v: Violation[]): unknown {
  const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type
  if (inner.kind === Kind.LIST_TYPE) {
    const itemType = inner.type.kind === Kind.NON_NULL_TYPE ? inner.type.type : inner.type
    if (itemType.kind === Kind.LIST_TYPE) {
      v.push({ path, message: 'is a list of lists, which a query string cannot express: send the variables as JSON with POST' })
      return undefined
    }
    return (Array.isArray(raw) ? raw : [raw]).map((item, i) => coerceOne(schema, itemType.name.value, item, `${path}[${i}]`, v))
  }
  if (Array.isArray(raw)) {
    v.push({ path, message: `is given ${raw.length} times but is not a list: give it once` })
    return undefined
  }
  return coerceOne(schema, inner.name.value, raw, path, v)
}

function coerceOne(schema: GraphQLSchema, typeName: string, raw: string, path: string, v: Violation[]): unknown {
  const type = schema.getType(typeName)
  const fail = (message: string) => {
    v.push({ path, message })
    return undefined
  }
  if (isEnumType(type)) {
    const allowed = type.getValues().map((e) => e.name)
    return allowed.includes(raw) ? raw : fail(`"${raw.slice(0, 40)}" is not one of: ${allowed.join(', ')}`)
  }
  if (isInputObjectType(type)) {
    try {
      const value: unknown = JSON.parse(raw)
      if (value && typeof value === 'object' && !Array.isArray(value)) return value
    } catch {
      // reported below
    }
    return fail(`must be a JSON object (${typeName}), or send the variables as JSON with POST`)
  }
  if (!isScalarType(type)) return fail(`has a type (${typeName}) that a query string cannot give`)
  switch (typeName) {
    case 'Int': {
      const n = Number(raw)
      return INT.test(raw) && Number.isSafeInteger(n) && Math.abs(n) <= 2 ** 31 - 1 ? n : fail(`"${raw.slice(0, 40)}" is not an integer`)
    }
    case 'Float': {
      const n = Number(raw)
      return raw.trim() !== '' && Number.isFinite(n) ? n : fail(`"${raw.slice(0, 40)}" is not a number`)
    }
    case 'Boolean':
      return raw === 'true' ? true : raw === 'false' ? false : fail('must be true or false')
    case 'Date':
      try {
        return DateScalar.parseValue(raw)
      } catch (err) {
        return fail((err as Error).message)
      }
    default:
      // String, ID and the other scalars (DateTime) are text; the schema checks them.
      return raw
  }
}
