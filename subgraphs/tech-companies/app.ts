import { fileURLToPath } from 'node:url'
import { buildSubgraphApp, type AppOptions, type SubgraphDefinition } from '../common/app.ts'
import { createContext, type Context } from './context.ts'
import { resolvers } from './resolvers.ts'
import { seed } from './seed.ts'

export const definition: SubgraphDefinition<Context> = {
  name: 'tech-companies',
  dbSchema: 'tech_companies',
  resolvers,
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  createContext,
  seed,
}

export const buildApp = (opts: AppOptions) => buildSubgraphApp(definition, opts)
