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
  runUntilStopped(app.log, () => app.close())
}

type ProcessLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void; fatal(obj: object, msg: string): void }

/**
 * Process-level behaviour shared by every service entry point:
 * - a rejected promise nobody handled is logged and the process carries on (one bad request
 *   must not end the service for everybody);
 * - an uncaught exception may have left state half-changed: it is logged, in-flight requests
 *   finish, and the process exits with status 1 for its supervisor to restart it;
 * - SIGINT/SIGTERM: stop taking requests, let in-flight ones finish (Fastify's close), then exit;
 *   after `timeoutMs` the process exits anyway.
 */
export function runUntilStopped(log: ProcessLog, close: () => Promise<void>, timeoutMs = 10_000) {
  let stopping = false
  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    setTimeout(() => {
      log.error({ timeoutMs }, 'in-flight requests did not finish in time: exiting')
      process.exit(code || 1)
    }, timeoutMs).unref()
    try {
      await close()
    } catch (err) {
      log.error({ err }, 'shutdown failed')
      code ||= 1
    }
    process.exit(code)
  }
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'))
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception: stopping')
    void stop(1)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log.info({ signal }, 'stopping: finishing in-flight requests')
      void stop(0)
    })
  }
}
