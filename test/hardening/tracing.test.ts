// OpenTelemetry tracing: off by default (nothing exported, no trace header sent to subgraphs); on
// with OTEL_EXPORTER_OTLP_ENDPOINT, the gateway's spans reach the collector over OTLP/HTTP and
// each subgraph request carries the W3C traceparent of its fetch span.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { startBareGateway, startFakeSubgraph } from './fixtures/bare.ts'

interface Collected {
  url: string
  spans: Array<{ name: string; traceId: string; spanId: string; parentSpanId?: string }>
  services: string[]
}

async function startCollector(t: Test): Promise<Collected> {
  const collected: Collected = { url: '', spans: [], services: [] }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: Collected['spans'] }> }>
        }
        for (const rs of body.resourceSpans) {
          collected.services.push(...rs.resource.attributes.filter((a) => a.key === 'service.name').map((a) => a.value.stringValue ?? ''))
          for (const ss of rs.scopeSpans) collected.spans.push(...ss.spans)
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  collected.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  t.teardown(() => {
    server.closeAllConnections()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return collected
}

t.test('tracing is off by default: no trace context goes to the subgraphs', async (t) => {
  const fake = await startFakeSubgraph(t, () => ({ data: { hotlines: [{ id: 'h1' }] } }))
  const gw = await startBareGateway(t, { SUBGRAPH_URL_HOTLINES: fake.url })
  t.same((await gw.post({ query: '{ hotlines { id } }' })).body.data, { hotlines: [{ id: 'h1' }] })
  t.equal(fake.requests[0]?.headers.traceparent, undefined)
})

t.test('with an OTLP endpoint, spans are exported and subgraph requests carry traceparent', async (t) => {
  const collector = await startCollector(t)
  const fake = await startFakeSubgraph(t, () => ({ data: { hotlines: [{ id: 'h1' }] } }))
  const gw = await startBareGateway(t, { SUBGRAPH_URL_HOTLINES: fake.url, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'gateway-under-test' })
  t.same((await gw.post({ query: '{ hotlines { id } }' })).body.data, { hotlines: [{ id: 'h1' }] })
  await gw.close() // flushes the spans still buffered

  const traceparent = String(fake.requests[0]?.headers.traceparent)
  t.match(traceparent, /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/)
  const [, traceId, parentId] = traceparent.split('-')
  const names = collector.spans.map((s) => s.name)
  for (const name of ['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) t.ok(names.includes(name), `${name} exported`)
  t.ok(collector.services.includes('gateway-under-test'))
  const fetchSpan = collector.spans.find((s) => s.name === 'gateway.fetch')!
  t.equal(fetchSpan.traceId, traceId, 'the subgraph request is in the same trace')
  t.equal(fetchSpan.spanId, parentId, 'its parent is the fetch span')
})
