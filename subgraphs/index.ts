// Every subgraph's definition, by name: what `npm start`, the tests and the scripts start.
import type { SubgraphDefinition } from './common/app.ts'
import { SUBGRAPH_NAMES, type SubgraphName } from './common/config.ts'

export async function loadDefinition(name: SubgraphName): Promise<SubgraphDefinition<never>> {
  const module = (await import(`./${name}/app.ts`)) as { definition: SubgraphDefinition<never> }
  return module.definition
}

export const loadDefinitions = (names: readonly SubgraphName[] = SUBGRAPH_NAMES) => Promise.all(names.map(loadDefinition))
