// The public web pages (web/) as `npm start` serves them: registered on this gateway's own
// server, asking its /graphql over HTTP, with the public response cache on (BENCH_CACHE_TTL_MS),
// and the rendered-page cache on or off (BENCH_WEB_CACHE_TTL_MS).
import { buildGateway } from '../../../gateway/app.ts'
import { readGatewayConfig } from '../../../gateway/config.ts'
import { keyPairFromEnv, newKeyPair } from '../../../gateway/identity/keys.ts'
import { webPlugin } from '../../../web/app.tsx'
import { gatewayClient, type Query } from '../../../web/client.ts'
import { readWebConfig } from '../../../web/config.ts'
import { failed, ready } from './sign.ts'

try {
  const config = readGatewayConfig({
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    SUPERGRAPH: process.env.BENCH_SUPERGRAPH,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000',
    CACHE_TTL_MS: process.env.BENCH_CACHE_TTL_MS || '5000',
    REDIS_URL: '',
  })
  const app = await buildGateway({ config, subgraphKey: await keyPairFromEnv(process.env.BENCH_SIGNING_JWK!), authKey: (await newKeyPair('bench-auth')).pair, logger: { level: 'warn' } })
  const web = readWebConfig({ WEB_CACHE_TTL_MS: process.env.BENCH_WEB_CACHE_TTL_MS || '0' })
  let client: Query | undefined
  await app.register(webPlugin, { config: web, query: (doc, vars, caller) => client!(doc, vars, caller) })
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  client = gatewayClient({ url: `${address}/graphql`, timeoutMs: web.gatewayTimeoutMs })
  ready(`${address}/th/th`)
} catch (err) {
  failed((err as Error).stack ?? String(err))
}
