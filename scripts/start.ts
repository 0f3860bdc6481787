// `npm start`: every subgraph, the gateway and the public web pages in one process on the
// embedded database (or on DATABASE_URL), ready when the gateway URL is printed. Ctrl-C or SIGTERM stops it cleanly:
// in-flight requests finish first.
import { runUntilStopped } from '../subgraphs/common/server.ts'
import { startStack } from './stack.ts'

const stack = await startStack({ logger: { level: process.env.LOG_LEVEL || 'warn' }, web: true })
// performance.now() counts from the process's start: module loading is included.
const seconds = (performance.now() / 1000).toFixed(1)
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
console.log(`Find help (web pages) at ${stack.gatewayUrl.replace(/graphql$/, '')}`)
console.log(`Gateway ready at ${stack.gatewayUrl} (${stack.subgraphs.size} subgraphs, ready in ${seconds} s, ${rssMb} MB resident)`)
runUntilStopped(stack.gateway.log, () => stack.close(), stack.config.shutdownTimeoutMs)
