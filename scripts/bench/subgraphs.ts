// Child process of the benchmark: every subgraph in this one process on one PGlite database
// (BENCH_DATA_DIR: a data folder, or memory://…), trusting identities signed with the key whose
// public JWK is BENCH_VERIFY_JWK. Tells the parent the URLs over IPC when it is ready.
import { importJWK, type JWK } from 'jose'
import type { FastifyInstance } from 'fastify'
import { buildSubgraphApp } from '../../subgraphs/common/app.ts'
import { readSubgraphConfig } from '../../subgraphs/common/config.ts'
import { GATEWAY_ALG, gatewayTokenVerifier } from '../../subgraphs/common/identity.ts'
import { prepareDatabase } from '../../subgraphs/common/server.ts'
import { loadDefinitions } from '../../subgraphs/index.ts'

const key = (await importJWK(JSON.parse(process.env.BENCH_VERIFY_JWK!) as JWK, GATEWAY_ALG)) as CryptoKey
const env = { ...process.env, DATA_DIR: process.env.BENCH_DATA_DIR, DATABASE_URL: '', LOG_LEVEL: 'warn' }
const apps: FastifyInstance[] = []
const urls: Record<string, string> = {}
// One at a time: they share one embedded database, which runs one statement at a time anyway.
for (const def of await loadDefinitions()) {
  const config = readSubgraphConfig(def.name, { ...env, [`SUBGRAPH_PORT_${def.name.toUpperCase().replace(/-/g, '_')}`]: '0' })
  const { db } = await prepareDatabase(def, config)
  const app = await buildSubgraphApp(def, { db, verifyIdentity: gatewayTokenVerifier(def.name, { key }), logger: false })
  app.addHook('onClose', () => db.close())
  urls[def.name] = `${await app.listen({ host: '127.0.0.1', port: 0 })}/graphql`
  apps.push(app)
}
process.send!({ type: 'ready', urls })
process.on('disconnect', async () => {
  for (const app of apps.reverse()) await app.close()
  process.exit(0)
})
