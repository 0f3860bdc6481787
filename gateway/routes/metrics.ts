// Prometheus metrics in the text exposition format. Open by default (scrapers usually sit on the
// private network); with METRICS_TOKEN set, only `Authorization: Bearer <token>` gets them.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { RouteOptions } from './index.ts'

const digest = (s: string) => createHash('sha256').update(s).digest()

export const routes: FastifyPluginAsync<RouteOptions> = async (app, { config }) => {
  const expected = config.metricsToken ? digest(`Bearer ${config.metricsToken}`) : undefined
  app.get('/metrics', async (request, reply) => {
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'The metrics need the metrics token.' })
    }
    return reply.header('content-type', app.metrics.registry.contentType).send(await app.metrics.registry.metrics())
  })
}
