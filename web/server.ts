// Runs the web pages alone, in front of a gateway: GATEWAY_URL=https://…/graphql tsx web/server.ts
import { readWebConfig } from './config.ts'
import { buildWebApp } from './app.tsx'

const config = readWebConfig()
const app = await buildWebApp({ config })
const address = await app.listen({ host: config.host, port: config.port })
app.log.info({ url: address, gateway: config.gatewayUrl }, 'web ready')
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)))
