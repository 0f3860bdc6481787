// Starts one subgraph as its own service: open the database, migrate, seed, listen.
import type { FastifyInstance } from 'fastify'
import { buildSubgraphApp, type SubgraphDefinition } from './app.ts'
import { readSubgraphConfig, type SubgraphConfig } from './config.ts'
import { openDb, type Db } from './db.ts'
import { gatewayTokenVerifier, type GatewayKey } from './identity.ts'
import { migrate } from './migrate.ts'

export interface Prepared {
  db: Db
  applied: string[]
}

/** Opens the subgraph's database, applies its migrations and (when configured) its seed. */
export async function prepareDatabase(def: SubgraphDefinition<never>, config: SubgraphConfig): Promise<Prepared> {
  const db = openDb({ url: config.databaseUrl, dataDir: config.dataDir })
  const applied = await migrate(db, def.dbSchema, def.migrations)
  if (config.seed && def.seed) await def.seed(db)
  return { db, applied }
}

export async function startSubgraph(
  def: SubgraphDefinition<never>,
  opts: { config?: SubgraphConfig; gatewayKey?: GatewayKey; logger?: boolean | object } = {},
): Promise<{ app: FastifyInstance; db: Db; url: string }> {
  const config = opts.config ?? readSubgraphConfig(def.name)
  const { db } = await prepareDatabase(def, config)
  const app = await buildSubgraphApp(def, {
    db,
    verifyIdentity: gatewayTokenVerifier(def.name, opts.gatewayKey ?? { jwksUrl: config.gatewayJwksUrl }),
    logger: opts.logger ?? { level: config.logLevel },
  })
  app.addHook('onClose', () => db.close())
  const address = await app.listen({ host: config.host, port: config.port })
  return { app, db, url: `${address}/graphql` }
}

/** Entry point for `node subgraphs/<name>/server.ts`: run until SIGINT/SIGTERM. */
export async function runSubgraphProcess(def: SubgraphDefinition<never>) {
  const { app, url } = await startSubgraph(def)
  app.log.info({ url }, `${def.name} subgraph ready`)
  const stop = async () => {
    await app.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
