// The gateway's HTTP edge: rate limits per identity, GraphQL-shaped refusals of malformed
// requests, introspection and GraphiQL in development only (and served without any CDN), CSRF
// prevention, and the metrics route.
import t from 'tap'
import { getIntrospectionQuery } from 'graphql'
import { renderGraphiQLPage } from '../../gateway/routes/graphiql.ts'
import { startBareGateway, startFakeSubgraph } from './fixtures/bare.ts'

const TYPENAME = { query: '{ __typename }' }

t.test('rate limits', async (t) => {
  const gw = await startBareGateway(t, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' })
  const [ana, ben] = await Promise.all([gw.token({ role: 'secretariat', sub: 'ana' }), gw.token({ role: 'secretariat', sub: 'ben' })])

  t.test('over the limit: 429, RATE_LIMITED in a GraphQL error, and Retry-After', async (t) => {
    for (let i = 0; i < 3; i++) t.equal((await gw.post(TYPENAME, { authorization: `Bearer ${ana}` })).status, 200)
    const res = await gw.post(TYPENAME, { authorization: `Bearer ${ana}` })
    t.equal(res.status, 429)
    t.equal(res.body.errors[0].extensions.code, 'RATE_LIMITED')
    const retryAfter = Number(res.headers.get('retry-after'))
    t.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After: ${retryAfter}`)
    t.equal(res.body.errors[0].extensions.retryAfter, retryAfter)
    t.match(res.body.errors[0].message, /try again in \d+ s/)
  })

  t.test('each signed-in person has their own budget, wherever they connect from', async (t) => {
    t.equal((await gw.post(TYPENAME, { authorization: `Bearer ${ben}` })).status, 200)
  })

  t.test('anonymous requests are counted by address, bad tokens included', async (t) => {
    t.equal((await gw.post(TYPENAME)).status, 200)
    t.equal((await gw.post(TYPENAME, { authorization: 'Bearer not.a.token' })).status, 401)
    t.equal((await gw.post(TYPENAME)).status, 200)
    const badToken = await gw.post(TYPENAME, { authorization: 'Bearer not.a.token' })
    t.equal(badToken.status, 429, 'a refused token counts too')
    t.equal((await gw.post(TYPENAME)).status, 429)
  })

  t.test('health and metrics are not limited', async (t) => {
    const base = gw.url.replace('/graphql', '')
    for (let i = 0; i < 5; i++) {
      t.equal((await fetch(`${base}/health/live`)).status, 200)
      t.equal((await fetch(`${base}/metrics`)).status, 200)
    }
  })

  t.test('the metrics count refusals by code', async (t) => {
    const metrics = await (await fetch(gw.url.replace('/graphql', '/metrics'))).text()
    t.match(metrics, /gateway_errors_total\{code="RATE_LIMITED"\} [3-9]/)
    t.match(metrics, /gateway_errors_total\{code="UNAUTHENTICATED"\} 1/)
    t.match(metrics, /gateway_http_requests_total\{method="POST",route="\/graphql",status="429"\} [3-9]/)
  })
})

t.test('malformed requests get GraphQL-shaped 4xx answers', async (t) => {
  const gw = await startBareGateway(t)
  const raw = async (init: RequestInit, url = gw.url) => {
    const res = await fetch(url, init)
    return { status: res.status, body: (await res.json()) as any }
  }
  const cases: Array<[string, RequestInit, number, string]> = [
    ['invalid JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }, 400, 'BAD_REQUEST'],
    ['an unsupported content type', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' }, 415, 'BAD_REQUEST'],
    ['a body over the size limit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(1_100_000) }) }, 413, 'OPERATION_LIMIT_EXCEEDED'],
    ['a simple (CSRF-prone) POST', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' }, 400, 'BAD_REQUEST'],
    ['a GET without a preflight header', { method: 'GET' }, 400, 'BAD_REQUEST'],
    ['a syntax error', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename' }) }, 400, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) }, 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['an operation name the document does not have', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }) }, 400, 'OPERATION_RESOLUTION_FAILURE'],
    ['several operations and no name', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }) }, 400, 'OPERATION_RESOLUTION_FAILURE'],
    ['variables of the wrong type', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query($id: ID!) { hotline(id: $id) { id } }', variables: { id: { not: 'an id' } } }) }, 400, 'BAD_USER_INPUT'],
    ['a mutation over GET', { method: 'GET', headers: { 'apollo-require-preflight': 'true' } }, 405, 'BAD_REQUEST'],
    ['a query that is not a string', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 42 }) }, 400, 'BAD_REQUEST'],
  ]
  for (const [what, init, status, code] of cases) {
    t.test(what, async (t) => {
      const url = what === 'a mutation over GET' ? `${gw.url}?query=${encodeURIComponent('mutation { __typename }')}` : gw.url
      const res = await raw(init, url)
      t.equal(res.status, status)
      t.equal(res.body.errors?.[0]?.extensions?.code, code)
      t.type(res.body.errors?.[0]?.message, 'string')
    })
  }
})

t.test('batches, when allowed (LIMIT_BATCH), are limited in size and each operation is checked', async (t) => {
  const gw = await startBareGateway(t, { LIMIT_BATCH: '2' })
  const two = await gw.post([TYPENAME, TYPENAME])
  t.equal(two.status, 200)
  t.same(two.body, [{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }])
  const three = await gw.post([TYPENAME, TYPENAME, TYPENAME])
  t.equal(three.status, 400)
  t.same(three.body.errors[0].extensions, { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'batch', value: 3, max: 2 })
  const hidden = await gw.post([TYPENAME, { query: `{ ${'__typename '.repeat(21)}}` }])
  t.equal(hidden.status, 400)
  t.equal(hidden.body.errors[0].extensions.limit, 'rootFields')
})

t.test('development: introspection and a GraphiQL page without any CDN', async (t) => {
  const gw = await startBareGateway(t)
  const introspection = await gw.post({ query: getIntrospectionQuery() })
  t.equal(introspection.status, 200)
  t.ok(introspection.body.data.__schema)

  const page = await fetch(gw.url.replace('/graphql', '/graphiql'))
  t.equal(page.status, 200)
  t.match(page.headers.get('content-type'), /text\/html/)
  const html = await page.text()
  t.notMatch(html, /<script[^>]+src=["']?https?:/i, 'no script from another origin')
  t.notMatch(html, /<link[^>]+href=["']?https?:/i, 'no stylesheet from another origin')
  t.notMatch(html, /unpkg\.com|jsdelivr|cdn\.apollographql/, 'no CDN')

  const apolloLanding = await fetch(gw.url, { headers: { accept: 'text/html' } })
  t.notMatch(await apolloLanding.text(), /cdn\.apollographql/, "Apollo's CDN landing page is off")
})

t.test('the built-in page, used when the full GraphiQL is not installed, is local too', async (t) => {
  const html = await renderGraphiQLPage({ full: false })
  t.match(html, /fetch\('\/graphql'/)
  t.notMatch(html, /https?:\/\//)
})

t.test('production: no introspection, no GraphiQL; CSRF prevention stays on', async (t) => {
  const gw = await startBareGateway(t, { NODE_ENV: 'production' })
  const res = await gw.post({ query: getIntrospectionQuery() })
  t.equal(res.status, 400)
  t.equal(res.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED')
  t.match(res.body.errors[0].message, /introspection/i)
  t.equal((await fetch(gw.url.replace('/graphql', '/graphiql'))).status, 404)
  const csrf = await fetch(`${gw.url}?query=${encodeURIComponent('{ __typename }')}`)
  t.equal(csrf.status, 400)
  t.equal(((await gw.post(TYPENAME)).body as any).data.__typename, 'Query')
})

t.test('the metrics token protects /metrics when set', async (t) => {
  const gw = await startBareGateway(t, { METRICS_TOKEN: 'scrape-me' })
  const url = gw.url.replace('/graphql', '/metrics')
  t.equal((await fetch(url)).status, 401)
  t.equal((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status, 401)
  const ok = await fetch(url, { headers: { authorization: 'Bearer scrape-me' } })
  t.equal(ok.status, 200)
  t.match(await ok.text(), /process_cpu_user_seconds_total/)
})

t.test('a subgraph that refuses the gateway identity: masked, with nothing of its answer', async (t) => {
  const fake = await startFakeSubgraph(t, () => ({ data: null, errors: [{ message: 'secret detail from the subgraph', extensions: { code: 'UNAUTHENTICATED' } }] }))
  fake.status = 401
  const gw = await startBareGateway(t, { SUBGRAPH_URL_HOTLINES: fake.url })
  const res = await gw.post({ query: '{ hotlines { id } }' }, { 'x-request-id': 'refused-identity-1' })
  t.equal(res.status, 200)
  t.same(res.body.errors.map((e: any) => e.extensions), [{ code: 'INTERNAL_SERVER_ERROR', requestId: 'refused-identity-1' }])
  t.notMatch(JSON.stringify(res.body), /secret detail|127\.0\.0\.1|response/)
})

t.test('a subgraph that stalls is cut off at its own timeout with SUBGRAPH_UNAVAILABLE', async (t) => {
  const fake = await startFakeSubgraph(t, () => ({ data: { hotlines: [{ id: 'h1' }] } }))
  const gw = await startBareGateway(t, { SUBGRAPH_URL_HOTLINES: fake.url, SUBGRAPH_TIMEOUT_MS_HOTLINES: '300' })
  t.same((await gw.post({ query: '{ hotlines { id } }' })).body.data, { hotlines: [{ id: 'h1' }] })
  fake.delayMs = 2000
  const started = performance.now()
  const res = await gw.post({ query: '{ hotlines { id } }' }, { 'x-request-id': 'stalled-1' })
  t.ok(performance.now() - started < 1500, 'answered after the timeout, not after the subgraph')
  t.equal(res.status, 200)
  t.same(res.body.errors.map((e: any) => e.extensions), [{ code: 'SUBGRAPH_UNAVAILABLE', reason: 'timeout', requestId: 'stalled-1' }])
  t.notMatch(JSON.stringify(res.body), /hotlines subgraph|127\.0\.0\.1|serviceName/, 'no internal detail')
  const metrics = await (await fetch(gw.url.replace('/graphql', '/metrics'))).text()
  t.match(metrics, /gateway_subgraph_fetch_duration_seconds_count\{subgraph="hotlines",outcome="timeout"\} 1/)
  t.match(metrics, /gateway_subgraph_fetch_duration_seconds_count\{subgraph="hotlines",outcome="ok"\} 1/)
})
