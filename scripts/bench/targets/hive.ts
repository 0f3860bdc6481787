// Hive Gateway (@graphql-hive/gateway) run programmatically on the same supergraph file, with
// default settings and the gateway-signed identity added to every subgraph request.
import { createServer } from 'node:http'
import { createGatewayRuntime } from '@graphql-hive/gateway'
import { failed, publicToken, ready } from './sign.ts'

try {
  const gateway = createGatewayRuntime({
    supergraph: process.env.BENCH_SUPERGRAPH!,
    logging: 'warn',
    propagateHeaders: {
      fromClientToSubgraphs: async ({ subgraphName }) => ({ authorization: `Bearer ${await publicToken(subgraphName)}` }),
    },
  })
  const server = createServer(gateway)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  ready(`http://127.0.0.1:${address.port}/graphql`)
} catch (err) {
  failed((err as Error).stack ?? String(err))
}
