// The gateway identity every gateway under test forwards to the subgraphs: the public role,
// signed per subgraph with the benchmark's key (BENCH_SIGNING_JWK), reused for a minute.
import { PUBLIC } from '../../../subgraphs/common/identity.ts'
import { keyPairFromEnv } from '../../../gateway/identity/keys.ts'
import { subgraphTokenSigner } from '../../../gateway/identity/subgraph-token.ts'

const signer = subgraphTokenSigner(await keyPairFromEnv(process.env.BENCH_SIGNING_JWK!))

/** The subgraph's name as the supergraph's join__graph names it ("civil-society"), whatever the gateway calls it. */
export const publicToken = (subgraph: string) => signer(PUBLIC, subgraph.toLowerCase().replace(/_/g, '-'))

/** Tells the parent this gateway is ready (or why it cannot start). */
export const ready = (url: string) => process.send!({ type: 'ready', url })
export const failed = (reason: string) => process.send!({ type: 'failed', reason })
