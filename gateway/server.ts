// Runs the gateway as its own service: `tsx gateway/server.ts`.
import { runUntilStopped } from '../subgraphs/common/server.ts'
import { buildGateway } from './app.ts'
import { readGatewayConfig } from './config.ts'

const config = readGatewayConfig()
const app = await buildGateway({ config })
const address = await app.listen({ host: config.host, port: config.port })
app.log.info({ url: `${address}/graphql` }, 'gateway ready')
runUntilStopped(app.log, () => app.close(), config.shutdownTimeoutMs)
