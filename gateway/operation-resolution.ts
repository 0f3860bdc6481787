// An Apollo Server plugin: a request that names an operation the document does not contain, or
// sends several operations without a name, is the client's mistake (HTTP 400,
// OPERATION_RESOLUTION_FAILURE). Left alone, @apollo/gateway throws while planning and the client
// sees a masked 500.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server'
import { GraphQLError, Kind } from 'graphql'

export function operationResolutionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (operation) return
          const named = request.operationName
          const count = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length
          const message = named
            ? `The document has no operation named "${named}".`
            : count > 1
              ? 'The document has several operations: say which one to run with operationName.'
              : 'The document has no operation to run.'
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } })
        },
      }
    },
  }
}
