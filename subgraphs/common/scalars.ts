// DateTime (ISO 8601 instant) and Date (YYYY-MM-DD), shared by every subgraph's SDL.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql'

const DATE = /^\d{4}-\d{2}-\d{2}$/

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 date-time such as "2026-01-31T09:00:00Z".', { extensions: { code: 'BAD_USER_INPUT' } })
  }
  return date
}

function parseDate(value: unknown): string {
  // Round-tripping through Date refuses impossible days such as 2024-02-30.
  const day = typeof value === 'string' && DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError('Date must be a calendar date such as "2026-01-31".', { extensions: { code: 'BAD_USER_INPUT' } })
  }
  return value
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
})

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
})

export const scalars = { DateTime, Date: DateScalar }
