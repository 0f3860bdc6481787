// The gateway's own HTTP routes beside /graphql (health, exports, …): every file in this folder
// exports a Fastify plugin as `routes`, registered in name order. They see `request.identity`
// and run GraphQL through `app.executeGraphQL`, so the same authorisation applies.
import { readdirSync } from 'node:fs'
import type { FastifyPluginAsync } from 'fastify'
import type { GatewayConfig } from '../config.ts'

export interface RouteOptions {
  config: GatewayConfig
}

const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && f !== 'index.ts')
export const routePlugins = await Promise.all(
  files.sort().map(async (f) => ((await import(new URL(f, import.meta.url).href)) as { routes: FastifyPluginAsync<RouteOptions> }).routes),
)
