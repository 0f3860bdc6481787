// Gateway-signed identities for tests that call a subgraph directly, as the gateway would.
import { generateKeyPair, SignJWT } from 'jose'
import { GATEWAY_ALG, GATEWAY_ISSUER, type Identity, type Role } from '../../subgraphs/common/identity.ts'

export const gatewayKeys = await generateKeyPair(GATEWAY_ALG, { crv: 'Ed25519' })

export function identity(role: Role, extra: Partial<Identity> = {}): Identity {
  return { sub: role === 'public' ? null : `test-${role}`, role, org: null, country: null, verified: false, ...extra }
}

export function signForSubgraph(subgraph: string, who: Identity, key: CryptoKey = gatewayKeys.privateKey, expiresIn: string | number = '1m') {
  return new SignJWT({ role: who.role, org: who.org, country: who.country, verified: who.verified })
    .setProtectedHeader({ alg: GATEWAY_ALG })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(subgraph)
    .setSubject(who.sub ?? 'anonymous')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key)
}
