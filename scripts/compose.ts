// Composes schema/supergraph.graphql from the subgraph SDLs in schema/ with @apollo/composition.
// Each subgraph's URL is its default local address; the gateway can override any of them.
// `--check` compares with the committed file instead of writing it; `--dry-run` only composes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { composeServices } from '@apollo/composition'
import { parse, type GraphQLSchema } from 'graphql'
import { SUBGRAPH_NAMES, SUBGRAPH_PORTS } from '../subgraphs/common/config.ts'
import { sdlPath } from '../subgraphs/common/app.ts'

export const SUPERGRAPH_PATH = new URL('../schema/supergraph.graphql', import.meta.url)

const composeCount = () => SUBGRAPH_NAMES.filter((name) => existsSync(sdlPath(name))).length

export interface Composed {
  supergraphSdl: string
  /** The API schema clients see (what the gateway serves from this supergraph). */
  apiSchema(): GraphQLSchema
}

export function composeSupergraph(): Composed | { errors: string[] } {
  // While a subgraph is being written its SDL may not exist yet; the drift test needs all of them.
  const present = SUBGRAPH_NAMES.filter((name) => existsSync(sdlPath(name)))
  const services = present.map((name) => ({
    name,
    url: `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql`,
    typeDefs: parse(readFileSync(sdlPath(name), 'utf8')),
  }))
  const result = composeServices(services)
  if (result.errors) {
    return { errors: result.errors.map((e) => `${(e.extensions?.code as string | undefined) ?? 'ERROR'}: ${e.message}`) }
  }
  const { schema, supergraphSdl } = result
  return { supergraphSdl, apiSchema: () => schema.toAPISchema().toGraphQLJSSchema() }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = composeSupergraph()
  if ('errors' in result) {
    console.error(`Composition failed with ${result.errors.length} error(s):\n`)
    for (const e of result.errors) console.error(`  - ${e}\n`)
    process.exit(1)
  }
  if (process.argv.includes('--dry-run')) {
    console.log(`Composed ${composeCount()} subgraphs; nothing written.`)
  } else if (process.argv.includes('--check')) {
    const committed = readFileSync(SUPERGRAPH_PATH, 'utf8')
    if (committed !== result.supergraphSdl) {
      console.error('schema/supergraph.graphql is out of date: run `npm run compose` and commit it.')
      process.exit(1)
    }
    console.log('schema/supergraph.graphql is up to date.')
  } else {
    writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl)
    console.log(`Wrote schema/supergraph.graphql from ${composeCount()} subgraphs.`)
  }
}
