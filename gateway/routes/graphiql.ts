// GraphiQL at /graphiql, in development only (GRAPHIQL; off when NODE_ENV=production). Everything
// is served from this process: no CDN, so it works offline and leaks nothing to third parties.
// The full GraphiQL comes from @graphql-yoga/render-graphiql when it is installed (a development
// dependency: one self-contained bundle); otherwise a small built-in query page is served.
// Both send POST with a JSON body, which Apollo Server's CSRF prevention accepts.
import { readFile } from 'node:fs/promises'
import type { FastifyPluginAsync } from 'fastify'
import type { RouteOptions } from './index.ts'
import { GRAPHQL_PATH } from '../edge.ts'

const TITLE = 'Partner-network directory'

type Render = (options: Record<string, unknown>) => string

async function fullGraphiQL(): Promise<Render | undefined> {
  const name = '@graphql-yoga/render-graphiql'
  try {
    return ((await import(name)) as { renderGraphiQL: Render }).renderGraphiQL
  } catch {
    return undefined
  }
}

export async function renderGraphiQLPage(options: { full: boolean }): Promise<string> {
  const render = options.full ? await fullGraphiQL() : undefined
  if (render) return render({ endpoint: GRAPHQL_PATH, title: TITLE, method: 'POST', useGETForQueries: false })
  const page = await readFile(new URL('../graphiql/fallback.html', import.meta.url), 'utf8')
  return page.replace('__ENDPOINT__', GRAPHQL_PATH)
}

export const routes: FastifyPluginAsync<RouteOptions> = async (app, { config }) => {
  if (!config.graphiql) return
  let page: Promise<string> | undefined
  app.get('/graphiql', async (_request, reply) => {
    page ??= renderGraphiQLPage({ full: true })
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(await page)
  })
}
