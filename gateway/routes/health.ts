// Liveness and readiness. Liveness: the process answers. Readiness asks every subgraph's own
// readiness route and reports each one:
// - every subgraph ready: 200, status "ok";
// - some unavailable: 200, status "degraded": the gateway still serves the others' data (taking
//   every replica out of the load balancer would turn a partial outage into a total one);
// - none ready: 503, status "unavailable".
// While the gateway shuts down Fastify answers 503 to every new request, this one included.
// The answer is reused for a moment, so that probes (open to anyone) cannot multiply into
// requests to every subgraph and its database.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteOptions } from './index.ts'

const REUSE_MS = 1000

export const routes: FastifyPluginAsync<RouteOptions> = async (app) => {
  let last: { at: number; readiness: ReturnType<typeof app.subgraphReadiness> } | undefined
  const readiness = () => {
    if (!last || performance.now() - last.at > REUSE_MS) last = { at: performance.now(), readiness: app.subgraphReadiness() }
    return last.readiness
  }

  app.get('/health/live', async () => ({ status: 'ok' }))
  app.get('/health/ready', async (_request, reply) => {
    const subgraphs = await readiness()
    const states = Object.values(subgraphs)
    const ready = states.filter((s) => s.status === 'ok').length
    const status = ready === states.length ? 'ok' : ready > 0 ? 'degraded' : 'unavailable'
    return reply.code(status === 'unavailable' ? 503 : 200).send({ status, subgraphs })
  })
}
