// The API schema that reports are validated against: the same supergraph the gateway serves
// (SUPERGRAPH, a file or an http(s) URL), reduced to its API schema as @apollo/gateway does.
import { readFile } from 'node:fs/promises'
import { Supergraph } from '@apollo/federation-internals'
import type { GraphQLSchema } from 'graphql'

export async function loadApiSchema(location: string): Promise<GraphQLSchema> {
  let sdl: string
  if (/^https?:\/\//.test(location)) {
    const res = await fetch(location)
    if (!res.ok) throw new Error(`Could not fetch the supergraph from ${location}: HTTP ${res.status}`)
    sdl = await res.text()
  } else {
    sdl = await readFile(location, 'utf8')
  }
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema()
}
