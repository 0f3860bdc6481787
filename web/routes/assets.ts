// The built assets from memory: compressed ahead of time (brotli, gzip), cached for a year under
// their content-hashed names. The widget's loader also has a stable address for embedding.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Asset } from '../assets/build.ts'
import type { WebDeps } from './shared.ts'

export const WIDGET_SCRIPT_PATH = '/embed/find-help.js'

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string) {
  const accepts = String(request.headers['accept-encoding'] ?? '')
  const [encoding, body] = /\bbr\b/.test(accepts) ? ['br', asset.br] : /\bgzip\b/.test(accepts) ? ['gzip', asset.gzip] : [undefined, asset.body]
  reply.header('content-type', asset.type).header('cache-control', cacheControl).header('vary', 'accept-encoding')
  if (encoding) reply.header('content-encoding', encoding)
  return reply.send(body)
}

export function assetRoutes(app: FastifyInstance, deps: WebDeps) {
  app.get('/assets/:file', { compress: false }, async (request, reply) => {
    const asset = deps.assets.get(request.url.split('?')[0]!)
    if (!asset) return reply.code(404).header('cache-control', 'no-store').type('text/plain').send('Not found')
    return send(request, reply, asset, 'public, max-age=31536000, immutable')
  })
  // Platforms copy this address into their pages once: it stays, and is re-checked daily.
  app.get(WIDGET_SCRIPT_PATH, { compress: false, config: { embeddable: true } }, async (request, reply) => {
    reply.header('access-control-allow-origin', '*')
    return send(request, reply, deps.assets.get(deps.assets.url('widget.js'))!, 'public, max-age=86400')
  })
}
