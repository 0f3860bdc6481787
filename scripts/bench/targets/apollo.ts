// The reference: @apollo/server + @apollo/gateway with default settings, on the same supergraph.
// The only addition is what every subgraph here requires: a gateway-signed identity per request.
import { readFileSync } from 'node:fs'
import { ApolloServer } from '@apollo/server'
import { startStandaloneServer } from '@apollo/server/standalone'
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway'
import { failed, publicToken, ready } from './sign.ts'

try {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env.BENCH_SUPERGRAPH!, 'utf8'),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url,
        async willSendRequest({ request }) {
          request.http?.headers.set('authorization', `Bearer ${await publicToken(name)}`)
        },
      }),
  })
  const server = new ApolloServer({ gateway })
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } })
  ready(url)
} catch (err) {
  failed((err as Error).stack ?? String(err))
}
