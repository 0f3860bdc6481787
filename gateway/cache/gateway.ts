// The gateway Apollo Server is given when the response cache is on: it wraps the authorising
// gateway's executor, so a cached answer is always one that went through the same authorisation.
import type { GatewayExecutor, GatewayInterface, GatewayLoadResult, GatewayUnsubscriber } from '@apollo/server-gateway-interface'
import type { ResponseCache } from './response-cache.ts'

export class CachingGateway implements GatewayInterface {
  constructor(
    private readonly inner: GatewayInterface,
    private readonly cache: ResponseCache,
    private readonly onStop: () => Promise<void>,
  ) {}

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const { executor } = await this.inner.load(options)
    return { executor: executor && ((requestContext) => this.cache.execute(requestContext, executor as GatewayExecutor)) }
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate((update) => {
      this.cache.useSchema(update.coreSupergraphSdl)
      callback(update)
    })
  }

  async stop(): Promise<void> {
    await this.inner.stop()
    await this.onStop()
  }
}
