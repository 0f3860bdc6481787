// OpenTelemetry tracing, off unless TRACING=on or OTEL_EXPORTER_OTLP_ENDPOINT is set. When off
// nothing is loaded: @apollo/gateway's spans go to the API's no-op tracer. When on, a Node tracer
// provider exports them (OTLP over HTTP, in batches), and each subgraph request carries the
// W3C traceparent of its fetch span.
import { context, propagation, trace } from '@opentelemetry/api'
import type { TracingConfig } from '../config.ts'

export interface Tracing {
  readonly enabled: boolean
  /** Adds the active trace context to an outgoing request's headers. */
  inject(headers: { set(name: string, value: string): void }): void
  /** Sends the spans still buffered and unregisters the provider. */
  shutdown(): Promise<void>
}

const OFF: Tracing = { enabled: false, inject: () => undefined, shutdown: async () => undefined }

export async function startTracing(config: TracingConfig): Promise<Tracing> {
  if (!config.enabled) return OFF
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ])
  const exporter = new OTLPTraceExporter(config.endpoint ? { url: `${config.endpoint.replace(/\/+$/, '')}/v1/traces` } : {})
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  })
  provider.register()
  return {
    enabled: true,
    inject: (headers) => propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) }),
    async shutdown() {
      await provider.shutdown()
      trace.disable()
      propagation.disable()
      context.disable()
    },
  }
}
