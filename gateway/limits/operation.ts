// Operation limits, checked before Apollo Server sees the request: sizes first, then the shape of
// the parsed document (graphql-js's parser). A refusal is HTTP 400 with code
// OPERATION_LIMIT_EXCEEDED naming the limit, the value and the maximum; nothing of a refused
// operation is validated, planned or sent to a subgraph.
//
// Why before Apollo Server and not in one of its plugin hooks: validation must not run on an
// oversized document (graphql-js's overlapping-fields rule takes most of a second on a 32 KB
// alias bomb), and the only hook before validation that can refuse (validationDidStart) turns a
// thrown error into a masked 500 ("Unexpected error processing request"). The document is parsed
// twice (here and by Apollo Server, which then caches it); parsing is linear and the size is capped.
import { GraphQLError, parse } from 'graphql'
import type { OperationLimits } from '../config.ts'
import { measureOperation, operationsToMeasure, type OperationMeasure } from './measure.ts'

export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'fields' | 'documentBytes' | 'variablesBytes' | 'variablesDepth' | 'batch'

export function limitExceeded(limit: LimitName, value: number, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, value, max } })
}

const SHAPE_CHECKS: Array<{ limit: LimitName; key: keyof OperationMeasure; max: keyof OperationLimits; message: (value: number, max: number) => string }> = [
  { limit: 'rootFields', key: 'rootFields', max: 'maxRootFields', message: (v, m) => `The operation asks for ${v} root fields; the limit is ${m}.` },
  { limit: 'depth', key: 'depth', max: 'maxDepth', message: (v, m) => `The operation is nested ${v} levels deep; the limit is ${m}.` },
  { limit: 'aliases', key: 'aliases', max: 'maxAliases', message: (v, m) => `The operation uses ${v} aliases (fragments expanded); the limit is ${m}.` },
  { limit: 'fields', key: 'fields', max: 'maxFields', message: (v, m) => `The operation selects ${v} fields (fragments expanded); the limit is ${m}.` },
]

/** The first limit the sizes of a request exceed, if any. */
export function checkSizes(limits: OperationLimits, query: string, variables: unknown): GraphQLError | undefined {
  const documentBytes = Buffer.byteLength(query)
  if (documentBytes > limits.maxDocumentBytes) {
    return limitExceeded('documentBytes', documentBytes, limits.maxDocumentBytes, `The GraphQL document is ${documentBytes} bytes; the limit is ${limits.maxDocumentBytes}.`)
  }
  // GET sends the variables as JSON text, parsed later by Apollo Server: parsed here to be measured.
  let parsed = variables
  if (typeof variables === 'string') {
    try {
      parsed = JSON.parse(variables)
    } catch {
      parsed = variables
    }
  }
  const measured = measureJson(parsed, limits.maxVariablesBytes)
  const variablesBytes = typeof variables === 'string' ? Buffer.byteLength(variables) : measured.bytes
  if (variablesBytes > limits.maxVariablesBytes) {
    return limitExceeded('variablesBytes', variablesBytes, limits.maxVariablesBytes, `The variables are ${variablesBytes} bytes; the limit is ${limits.maxVariablesBytes}.`)
  }
  if (measured.depth > limits.maxVariablesDepth) {
    return limitExceeded('variablesDepth', measured.depth, limits.maxVariablesDepth, `The variables are nested ${measured.depth} levels deep; the limit is ${limits.maxVariablesDepth}.`)
  }
  return undefined
}

/**
 * The size of a parsed JSON value as JSON text (strings counted as UTF-8, without escapes) and its
 * nesting depth, walked without recursion (JSON.stringify, and any recursive code downstream,
 * overflows the stack on values nested a few thousand levels deep). Stops once past `stopAbove` bytes.
 */
export function measureJson(value: unknown, stopAbove: number): { bytes: number; depth: number } {
  let bytes = 0
  let depth = 0
  const pending: Array<[unknown, number]> = [[value, 0]]
  while (pending.length > 0 && bytes <= stopAbove) {
    const [v, level] = pending.pop()!
    depth = Math.max(depth, level)
    if (typeof v === 'string') bytes += Buffer.byteLength(v) + 2
    else if (Array.isArray(v)) {
      bytes += 2 + Math.max(0, v.length - 1)
      for (const item of v) pending.push([item, level + 1])
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v)
      bytes += 2 + Math.max(0, entries.length - 1)
      for (const [key, item] of entries) {
        bytes += Buffer.byteLength(key) + 3
        pending.push([item, level + 1])
      }
    } else bytes += String(v).length
  }
  return { bytes, depth }
}

/** The first limit the shape of the operation exceeds, if any. */
export function checkShape(limits: OperationLimits, measure: OperationMeasure): GraphQLError | undefined {
  for (const check of SHAPE_CHECKS) {
    const value = measure[check.key]
    const max = limits[check.max]
    if (value > max) return limitExceeded(check.limit, value, max, check.message(value, max))
  }
  return undefined
}

/**
 * Checks one GraphQL-over-HTTP request (a POST body or GET parameters). Anything that is not a
 * well-formed request (no query string, a syntax error) is left for Apollo Server to refuse with
 * its own error.
 */
export function checkOperationRequest(limits: OperationLimits, params: unknown): GraphQLError | undefined {
  if (typeof params !== 'object' || params === null) return undefined
  const { query, variables, operationName } = params as Record<string, unknown>
  if (typeof query !== 'string') return undefined
  const sizeError = checkSizes(limits, query, variables)
  if (sizeError) return sizeError
  let document
  try {
    document = parse(query, { noLocation: true })
  } catch {
    return undefined
  }
  for (const operation of operationsToMeasure(document, typeof operationName === 'string' ? operationName : undefined)) {
    const shapeError = checkShape(limits, measureOperation(document, operation))
    if (shapeError) return shapeError
  }
  return undefined
}
