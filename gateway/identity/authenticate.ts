// Verifies people's bearer tokens (jose): signature, issuer, audience, expiry and an algorithm
// allow-list. No token is the public role; a bad token is refused with a reason a person can act on.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose'
import { PUBLIC, ROLES, type Identity, type Role } from '../../subgraphs/common/identity.ts'
import type { GatewayConfig } from '../config.ts'

export class AuthenticationError extends Error {}

export type Authenticator = (authorization: string | undefined) => Promise<Identity>

const SIGNED_IN_ROLES = ROLES.filter((r) => r !== 'public')
const NEEDS_ORG: Role[] = ['government', 'tech_company', 'civil_society', 'un_agency']

export function createAuthenticator(auth: GatewayConfig['auth'], localKey?: CryptoKey): Authenticator {
  const key: JWTVerifyGetKey | CryptoKey | undefined = auth.jwksUrl
    ? createRemoteJWKSet(new URL(auth.jwksUrl), { cacheMaxAge: auth.jwksCacheMaxAgeMs, cooldownDuration: auth.jwksCooldownMs })
    : localKey
  if (!key) throw new Error('Authentication needs AUTH_JWKS_URL or a local signing key')
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return PUBLIC
    const match = /^Bearer ([A-Za-z0-9_.=-]+)$/.exec(authorization)
    if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <token>".')
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(match[1]!, key as JWTVerifyGetKey, {
        issuer: auth.issuer,
        audience: auth.audience,
        algorithms: [...auth.algorithms],
        requiredClaims: ['exp', 'sub'],
      }))
    } catch (err) {
      throw new AuthenticationError(reason(err))
    }
    return toIdentity(payload)
  }
}

function reason(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The token has expired: get a new one.'
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'The token signature does not verify: it was not signed by a trusted key.'
  if (err instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not allowed (unsigned tokens are never accepted).'
  if (err instanceof errors.JWKSNoMatchingKey) return 'The token was signed by a key the identity provider does not publish.'
  if (err instanceof errors.JWTClaimValidationFailed) return `The token's "${err.claim}" claim is not valid: ${err.reason === 'check_failed' ? 'wrong value' : err.reason.replace(/_/g, ' ')}.`
  if (err instanceof errors.JOSENotSupported) return 'The token uses an algorithm or key type that is not supported.'
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSEError) return 'The token is malformed: it is not a signed JWT.'
  return 'The token could not be verified.'
}

function toIdentity(payload: JWTPayload): Identity {
  const role = SIGNED_IN_ROLES.find((r) => r === payload.role)
  if (!role) throw new AuthenticationError(`The token's "role" claim must be one of ${SIGNED_IN_ROLES.join(', ')}.`)
  const org = typeof payload.org === 'string' ? payload.org : null
  if (NEEDS_ORG.includes(role) && !org) throw new AuthenticationError(`A ${role} token needs an "org" claim: the partner id the person works for.`)
  const country = typeof payload.country === 'string' ? payload.country.toUpperCase() : null
  if (role === 'government' && !country) throw new AuthenticationError('A government token needs a "country" claim (ISO 3166-1 alpha-2).')
  return Object.freeze({ sub: payload.sub!, role, org, country, verified: payload.verified === true })
}
