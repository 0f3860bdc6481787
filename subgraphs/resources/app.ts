import { fileURLToPath } from 'node:url'
import { buildSubgraphApp, type AppOptions, type SubgraphDefinition } from '../common/app.ts'
import { readSubgraphConfig } from '../common/config.ts'
import { contextFactory, type Context, type ResourceSettings } from './context.ts'
import { resolvers } from './resolvers.ts'
import { seed } from './seed.ts'

/** The subgraph with explicit settings (tests pass their own staleness window). */
export function resourcesDefinition(settings: ResourceSettings): SubgraphDefinition<Context> {
  return {
    name: 'resources',
    dbSchema: 'resources',
    resolvers,
    migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
    createContext: contextFactory(Object.freeze({ ...settings })),
    seed,
  }
}

// Settings come from the validated configuration, read once here; resolvers see them on the context.
export const definition = resourcesDefinition({ staleAfterDays: readSubgraphConfig('resources').staleAfterDays })

export const buildApp = (opts: AppOptions) => buildSubgraphApp(definition, opts)
