// Key material for the embedded default: created once in the data folder, reused after.
// Two Ed25519 key pairs: one signs people's tokens (`npm run token`), one signs the
// identity the gateway forwards to each subgraph. A real deployment replaces the first with its
// identity provider's JWKS and supplies the second from its secret store (GATEWAY_SIGNING_KEY).
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'

export interface KeyPair {
  kid: string
  privateKey: CryptoKey
  publicKey: CryptoKey
  publicJwk: JWK
}

async function fromPrivateJwk(jwk: JWK): Promise<KeyPair> {
  const { d: _d, ...pub } = jwk
  return {
    kid: jwk.kid!,
    privateKey: (await importJWK(jwk, 'EdDSA')) as CryptoKey,
    publicKey: (await importJWK(pub, 'EdDSA')) as CryptoKey,
    publicJwk: { ...pub, alg: 'EdDSA', use: 'sig' },
  }
}

export async function newKeyPair(kid: string): Promise<{ pair: KeyPair; privateJwk: JWK }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }
  return { pair: await fromPrivateJwk(privateJwk), privateJwk }
}

// A `memory://` data folder keeps its keys in this process, like its data; never on disk.
const inMemory = new Map<string, Promise<KeyPair>>()

/** Loads `<dataDir>/keys/<name>.jwk.json`, creating it (mode 0600) on first use. */
export async function loadOrCreateKeyPair(dataDir: string, name: string): Promise<KeyPair> {
  if (dataDir.startsWith('memory://')) {
    const key = `${dataDir}#${name}`
    if (!inMemory.has(key)) inMemory.set(key, newKeyPair(`${name}-${Date.now().toString(36)}`).then((k) => k.pair))
    return inMemory.get(key)!
  }
  const dir = join(dataDir, 'keys')
  const file = join(dir, `${name}.jwk.json`)
  try {
    return await fromPrivateJwk(JSON.parse(readFileSync(file, 'utf8')) as JWK)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  mkdirSync(dir, { recursive: true })
  const { privateJwk } = await newKeyPair(`${name}-${Date.now().toString(36)}`)
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(privateJwk), { mode: 0o600 })
  try {
    // link() creates the file only if it does not exist: when two processes start at once, the
    // first key written wins and both read it back.
    linkSync(tmp, file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  } finally {
    unlinkSync(tmp)
  }
  return fromPrivateJwk(JSON.parse(readFileSync(file, 'utf8')) as JWK)
}

export const keyPairFromEnv = (value: string) => fromPrivateJwk(JSON.parse(value) as JWK)
