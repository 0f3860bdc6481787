// Who is asking. Subgraphs trust only the identity the gateway signed for them (audience = the
// subgraph's name); a request without a valid one never reaches a resolver.
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose'

export const ROLES = ['public', 'government', 'tech_company', 'civil_society', 'un_agency', 'secretariat', 'admin'] as const
export type Role = (typeof ROLES)[number]

export interface Identity {
  readonly sub: string | null
  readonly role: Role
  /** The partner id the person works for. */
  readonly org: string | null
  /** For governments: the ISO 3166-1 alpha-2 country they act for. */
  readonly country: string | null
  /** For tech companies: whether the company is verified. */
  readonly verified: boolean
}

export const PUBLIC: Identity = Object.freeze({ sub: null, role: 'public', org: null, country: null, verified: false })

export const GATEWAY_ISSUER = 'coea-gateway'
export const GATEWAY_ALG = 'EdDSA'

export type GatewayKey = { jwksUrl: string } | { key: CryptoKey | Uint8Array | JWTVerifyGetKey }

export type IdentityVerifier = (token: string) => Promise<Identity>

export function gatewayTokenVerifier(subgraph: string, source: GatewayKey): IdentityVerifier {
  const key = 'jwksUrl' in source ? createRemoteJWKSet(new URL(source.jwksUrl)) : source.key
  return async (token) => {
    const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
      issuer: GATEWAY_ISSUER,
      audience: subgraph,
      algorithms: [GATEWAY_ALG],
      maxTokenAge: '5m',
    })
    const role = ROLES.find((r) => r === payload.role) ?? 'public'
    return Object.freeze({
      sub: typeof payload.sub === 'string' ? payload.sub : null,
      role,
      org: typeof payload.org === 'string' ? payload.org : null,
      country: typeof payload.country === 'string' ? payload.country : null,
      verified: payload.verified === true,
    })
  }
}

export const isStaff = (id: Identity) => id.role === 'secretariat' || id.role === 'admin'
/** Restricted (law-enforcement escalation) contacts: verified tech companies, governments, the Secretariat. */
export const mayReadRestricted = (id: Identity) =>
  isStaff(id) || id.role === 'government' || (id.role === 'tech_company' && id.verified)
export const isPartner = (id: Identity) => id.role !== 'public'
