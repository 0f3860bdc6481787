// `npm start`: every subgraph and the gateway in one process on the embedded database (or on
// DATABASE_URL), ready when the gateway URL is printed. Ctrl-C or SIGTERM stops it cleanly.
import { startStack } from './stack.ts'

const started = performance.now()
const stack = await startStack({ logger: { level: process.env.LOG_LEVEL || 'warn' } })
const seconds = ((performance.now() - started) / 1000).toFixed(1)
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
console.log(`Gateway ready at ${stack.gatewayUrl} (${stack.subgraphs.size} subgraphs, ready in ${seconds} s, ${rssMb} MB resident)`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing in-flight requests, then stopping…`)
    await stack.close()
    process.exit(0)
  })
}
