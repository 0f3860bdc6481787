// Runs the gateway as its own service: `tsx gateway/server.ts`.
import { buildGateway } from './app.ts'
import { readGatewayConfig } from './config.ts'

const config = readGatewayConfig()
const app = await buildGateway({ config })
const address = await app.listen({ host: config.host, port: config.port })
app.log.info({ url: `${address}/graphql` }, 'gateway ready')
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close()
    process.exit(0)
  })
}
