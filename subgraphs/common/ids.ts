import { clientError } from './errors.ts'

// Ids are readable slugs ("th-childline-1387"): lower-case letters, digits and dashes.
const ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/

export function requireId(id: string, argument = 'id'): string {
  if (!ID.test(id)) {
    throw clientError('BAD_USER_INPUT', `"${id.slice(0, 100)}" is not a valid id: ids are 1-80 lower-case letters, digits and dashes.`, {
      argument,
    })
  }
  return id
}
export const isId = (id: string) => ID.test(id)
