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

export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'fields' | 'documentBytes' | 'variablesBytes' | 'batch'

export function limitExceeded(limit: LimitName, value: number, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, value, max } })
}

const SHAPE_CHECKS: Array<{ limit: LimitName; key: keyof OperationMeasure; max: keyof OperationLimits; message: (value: number, max: number) => string }> = [
  { limit: 'rootFields', key: 'rootFields', max: 'maxRootFields', message: (v, m) => `The operation asks for ${v} root fields; the limit is ${m}.` },
  { limit: 'depth', key: 'depth', max: 'maxDepth', message: (v, m) => `The operation is nested ${v} levels deep; the limit is ${m}.` },
  { limit: 'aliases', key: 'aliases', max: 'maxAliases', message: (v, m) => `The operation uses ${v} aliases (fragments expanded); the limit is ${m}.` },
  { limit: 'fields', key: 'fields', max: 'maxFields', message: (v, m) => `The operation selects ${v} fields (fragments expanded); the limit is ${m}.` },
]

/** The first limit the sizes of a request exceed, if any. GET sends variables as a JSON string. */
export function checkSizes(limits: OperationLimits, query: string, variables: unknown): GraphQLError | undefined {
  const documentBytes = Buffer.byteLength(query)
  if (documentBytes > limits.maxDocumentBytes) {
    return limitExceeded('documentBytes', documentBytes, limits.maxDocumentBytes, `The GraphQL document is ${documentBytes} bytes; the limit is ${limits.maxDocumentBytes}.`)
  }
  const variablesBytes =
    variables === undefined || variables === null ? 0 : Buffer.byteLength(typeof variables === 'string' ? variables : (JSON.stringify(variables) ?? ''))
  if (variablesBytes > limits.maxVariablesBytes) {
    return limitExceeded('variablesBytes', variablesBytes, limits.maxVariablesBytes, `The variables are ${variablesBytes} bytes; the limit is ${limits.maxVariablesBytes}.`)
  }
  return undefined
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
