// This project's gateway (BENCH_VARIANT: authz, no-authz or cache; BENCH_COALESCE: on or off),
// as `npm start` builds it, with the benchmark's signing key and the rewritten supergraph.
import { buildGateway } from '../../../gateway/app.ts'
import { readGatewayConfig } from '../../../gateway/config.ts'
import { keyPairFromEnv, newKeyPair } from '../../../gateway/identity/keys.ts'
import { failed, ready } from './sign.ts'

const variant = process.env.BENCH_VARIANT ?? 'authz'
try {
  const config = readGatewayConfig({
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    SUPERGRAPH: process.env.BENCH_SUPERGRAPH,
    // Request logging off (warn): the peers log nothing per request either.
    LOG_LEVEL: 'warn',
    // The load comes from one address; the limit stays on but out of the way.
    RATE_LIMIT_MAX: '1000000',
    CACHE_TTL_MS: variant === 'cache' ? process.env.BENCH_CACHE_TTL_MS || '5000' : '0',
    CACHE_COALESCE: process.env.BENCH_COALESCE || 'on',
    REDIS_URL: '',
  })
  const app = await buildGateway({
    config,
    subgraphKey: await keyPairFromEnv(process.env.BENCH_SIGNING_JWK!),
    authKey: (await newKeyPair('bench-auth')).pair,
    authorizationDisabled: variant === 'no-authz',
    logger: { level: 'warn' },
  })
  ready(`${await app.listen({ host: '127.0.0.1', port: 0 })}/graphql`)
} catch (err) {
  failed((err as Error).stack ?? String(err))
}
