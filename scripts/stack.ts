// Starts subgraphs and the gateway in one process on one shared database: the embedded default
// behind `npm start`, and the whole-system harness of the tests (ephemeral ports, in-memory keys).
import type { FastifyInstance } from 'fastify'
import { buildGateway } from '../gateway/app.ts'
import { readGatewayConfig, type GatewayConfig } from '../gateway/config.ts'
import { loadOrCreateKeyPair, type KeyPair } from '../gateway/identity/keys.ts'
import { buildSubgraphApp } from '../subgraphs/common/app.ts'
import { readSubgraphConfig, SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/common/config.ts'
import type { Db } from '../subgraphs/common/db.ts'
import { gatewayTokenVerifier } from '../subgraphs/common/identity.ts'
import { prepareDatabase } from '../subgraphs/common/server.ts'
import { loadDefinitions } from '../subgraphs/index.ts'
import { webPlugin } from '../web/app.tsx'
import { gatewayClient, type Query } from '../web/client.ts'
import { readWebConfig } from '../web/config.ts'

export interface StackOptions {
  env?: NodeJS.ProcessEnv
  names?: readonly SubgraphName[]
  gateway?: Partial<GatewayConfig>
  subgraphKey?: KeyPair
  authKey?: KeyPair
  clock?: () => Date
  logger?: boolean | object
  authorizationDisabled?: boolean
  /** Serve the public web pages on the gateway's server, calling the gateway's own /graphql. */
  web?: boolean
  /** Sees every GraphQL request body a subgraph receives (tests assert what was never asked). */
  onSubgraphRequest?: (subgraph: SubgraphName, body: unknown) => void
}

export interface Stack {
  gateway: FastifyInstance
  gatewayUrl: string
  subgraphs: Map<SubgraphName, { app: FastifyInstance; url: string; db: Db }>
  config: GatewayConfig
  close(): Promise<void>
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const env = options.env ?? process.env
  // The web forwards each visitor's address to the gateway from this same host: trust it from
  // the loopback interface only (unless TRUST_PROXY says otherwise), so rate limits count visitors.
  const webTrust = options.web && !env.TRUST_PROXY ? { trustProxy: 'loopback' } : {}
  const config = readGatewayConfig(env, { ...webTrust, ...options.gateway })
  const subgraphKey = options.subgraphKey ?? (await loadOrCreateKeyPair(config.dataDir, 'gateway-signing'))
  const definitions = await loadDefinitions(options.names ?? SUBGRAPH_NAMES)
  const subgraphs: Stack['subgraphs'] = new Map()
  const closeAll = async () => {
    for (const { app } of [...subgraphs.values()].reverse()) await app.close()
  }
  try {
    // One at a time: they share one embedded database, which runs one statement at a time anyway.
    for (const def of definitions) {
      const sgConfig = readSubgraphConfig(def.name, env)
      const { db } = await prepareDatabase(def, sgConfig)
      const app = await buildSubgraphApp(def, {
        db,
        verifyIdentity: gatewayTokenVerifier(def.name, { key: subgraphKey.publicKey }),
        logger: options.logger ?? { level: sgConfig.logLevel },
        clock: options.clock,
      })
      app.addHook('onClose', () => db.close())
      const onRequest = options.onSubgraphRequest
      if (onRequest) app.addHook('preHandler', async (request) => onRequest(def.name, request.body))
      const address = await app.listen({ host: sgConfig.host, port: sgConfig.port })
      subgraphs.set(def.name, { app, db, url: `${address}/graphql` })
    }
    const subgraphUrls = Object.fromEntries([...subgraphs].map(([name, s]) => [name, s.url]))
    const gatewayConfig = { ...config, subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } }
    const gateway = await buildGateway({
      config: gatewayConfig,
      subgraphKey,
      authKey: options.authKey,
      logger: options.logger,
      authorizationDisabled: options.authorizationDisabled,
    })
    // The web's client needs the gateway's address, known only once it listens.
    let client: Query | undefined
    const webConfig = options.web ? readWebConfig(env) : undefined
    if (webConfig) await gateway.register(webPlugin, { config: webConfig, clock: options.clock, query: (doc, vars, caller) => client!(doc, vars, caller) })
    const address = await gateway.listen({ host: config.host, port: config.port })
    if (webConfig) client = gatewayClient({ url: `${address}/graphql`, timeoutMs: webConfig.gatewayTimeoutMs })
    return {
      gateway,
      gatewayUrl: `${address}/graphql`,
      subgraphs,
      config: gatewayConfig,
      async close() {
        await gateway.close()
        await closeAll()
      },
    }
  } catch (err) {
    await closeAll()
    throw err
  }
}
