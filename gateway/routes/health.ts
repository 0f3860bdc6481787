// Liveness and readiness. Readiness asks every subgraph's own readiness route.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteOptions } from './index.ts'

export const routes: FastifyPluginAsync<RouteOptions> = async (app) => {
  app.get('/health/live', async () => ({ status: 'ok' }))
  app.get('/health/ready', async (_request, reply) => {
    const subgraphs = await app.subgraphReadiness()
    const ready = Object.values(subgraphs).every((s) => s.status === 'ok')
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', subgraphs })
  })
}
