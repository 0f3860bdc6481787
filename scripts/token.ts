// Prints a signed token for the embedded default (the local key in the data folder):
//   npm run token -- --role civil_society --org aple-cambodia
//   npm run token -- --role government --org th-msdhs --country TH
//   npm run token -- --role tech_company --org meta --verified
import { parseArgs } from 'node:util'
import { SignJWT } from 'jose'
import { ROLES } from '../subgraphs/common/identity.ts'
import { readGatewayConfig, type GatewayConfig } from '../gateway/config.ts'
import { loadOrCreateKeyPair, type KeyPair } from '../gateway/identity/keys.ts'

export interface TokenClaims {
  sub?: string
  role: string
  org?: string | null
  country?: string | null
  verified?: boolean
}

export function mintToken(key: KeyPair, auth: GatewayConfig['auth'], claims: TokenClaims, expiresIn: string | number = '8h'): Promise<string> {
  const { sub, ...rest } = claims
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setSubject(sub ?? `${claims.role}@${claims.org ?? 'network'}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      country: { type: 'string' },
      verified: { type: 'boolean', default: false },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  })
  const roles = ROLES.filter((r) => r !== 'public')
  if (!values.role || !roles.includes(values.role as never)) {
    console.error(`Usage: npm run token -- --role <${roles.join('|')}> [--org <partner id>] [--country <ISO code>] [--verified] [--expires 8h]`)
    process.exit(2)
  }
  const config = readGatewayConfig()
  if (config.auth.jwksUrl) {
    console.error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this script.')
    process.exit(2)
  }
  const key = await loadOrCreateKeyPair(config.dataDir, 'auth-signing')
  console.log(
    await mintToken(key, config.auth, { sub: values.sub, role: values.role, org: values.org, country: values.country?.toUpperCase(), verified: values.verified }, values.expires),
  )
}
