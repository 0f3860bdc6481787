// The identity the gateway forwards: a short-lived token per subgraph (audience = the subgraph's
// name), signed with the gateway's key, so a subgraph can trust it and nobody can replay one
// subgraph's token at another. Signed tokens are reused for a while to keep signing off the hot path.
import { SignJWT } from 'jose'
import { GATEWAY_ALG, GATEWAY_ISSUER, type Identity } from '../../subgraphs/common/identity.ts'
import type { KeyPair } from './keys.ts'

const LIFETIME_S = 120
const REUSE_MS = 60_000
const MAX_CACHED = 10_000

export function subgraphTokenSigner(key: KeyPair) {
  const cache = new Map<string, { token: string; until: number }>()
  return async (who: Identity, subgraph: string): Promise<string> => {
    const cacheKey = `${subgraph}|${who.sub}|${who.role}|${who.org}|${who.country}|${who.verified}`
    const now = Date.now()
    const hit = cache.get(cacheKey)
    if (hit && hit.until > now) return hit.token
    const token = await new SignJWT({ role: who.role, org: who.org, country: who.country, verified: who.verified })
      .setProtectedHeader({ alg: GATEWAY_ALG, kid: key.kid })
      .setIssuer(GATEWAY_ISSUER)
      .setAudience(subgraph)
      .setSubject(who.sub ?? 'anonymous')
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_S}s`)
      .sign(key.privateKey)
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(cacheKey, { token, until: now + REUSE_MS })
    return token
  }
}
