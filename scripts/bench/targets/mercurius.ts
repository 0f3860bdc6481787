// The mercurius gateway (@mercuriusjs/gateway) with the same subgraphs as services. It builds its
// schema from each subgraph's SDL itself (it does not read a supergraph), so this is also the
// test of whether it can compose these subgraphs at all.
import Fastify from 'fastify'
import mercuriusGateway from '@mercuriusjs/gateway'
import { failed, publicToken, ready } from './sign.ts'

try {
  // The same subgraphs, at the same URLs and in the same order (by name), as the supergraph the
  // other gateways read: the mercurius gateway merges them in the order given.
  const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>
  const byName = Object.entries(urls).sort(([a], [b]) => a.localeCompare(b))
  const services = byName.map(([name, url]) => ({
    name,
    url,
    initHeaders: async () => ({ authorization: `Bearer ${await publicToken(name)}` }),
    rewriteHeaders: async () => ({ authorization: `Bearer ${await publicToken(name)}` }),
  }))
  const app = Fastify({ logger: false })
  // Its types declare an ES default export; at run time the CommonJS export is the plugin itself.
  await app.register(mercuriusGateway as never, { gateway: { services } } as never)
  await app.ready()
  ready(`${await app.listen({ host: '127.0.0.1', port: 0 })}/graphql`)
} catch (err) {
  // Schema errors come as a list on the error; the first ones say what it could not compose.
  const details = ((err as { errors?: Error[] }).errors ?? []).slice(0, 3).map((e) => e.message)
  failed([(err as Error).message, ...details].join(' | '))
}
