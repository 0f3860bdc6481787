import t, { type Test } from 'tap'
import Fastify from 'fastify'
import { SignJWT, UnsecuredJWT } from 'jose'
import { newKeyPair } from '../../gateway/identity/keys.ts'
import { startTestStack } from '../helpers/stack.ts'

const QUERY = '{ partner(id: "meta") { id } }'

t.test('bearer tokens at the gateway', async (t) => {
  const stack = await startTestStack(t, { names: ['partners'] })
  const { auth } = stack.config

  const expectRefused = async (t: Test, token: string, reason: RegExp) => {
    const res = await stack.query(QUERY, {}, token)
    t.equal(res.status, 401)
    t.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED')
    t.match(res.errors?.[0]?.message, reason)
    t.notOk(res.data)
  }

  t.test('no token is the public role', async (t) => {
    const res = await stack.query(QUERY)
    t.equal(res.status, 200)
    t.same(res.data, { partner: { id: 'meta' } })
  })

  t.test('a valid token is accepted', async (t) => {
    const res = await stack.query(QUERY, {}, await stack.token({ role: 'civil_society', org: 'aple-cambodia' }))
    t.equal(res.status, 200)
    t.same(res.data, { partner: { id: 'meta' } })
  })

  t.test('a malformed token is refused', (t) => expectRefused(t, 'not.a-token', /malformed/))

  t.test('an expired token is refused', async (t) => {
    const token = await stack.token({ role: 'secretariat' }, Math.floor(Date.now() / 1000) - 60)
    await expectRefused(t, token, /expired/)
  })

  t.test('a token signed by another key is refused', async (t) => {
    const other = await newKeyPair('intruder')
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(other.pair.privateKey)
    await expectRefused(t, token, /signature/)
  })

  t.test('an unsigned (alg none) token is refused', async (t) => {
    const token = new UnsecuredJWT({ role: 'admin' }).setIssuer(auth.issuer).setAudience(auth.audience).setSubject('mallory').setExpirationTime('5m').encode()
    await expectRefused(t, token, /algorithm|unsigned|malformed/)
  })

  t.test('a token for another audience or issuer is refused', async (t) => {
    await expectRefused(t, await stack.token({ role: 'secretariat' }, '5m', { audience: 'another-api' }), /"aud" claim/)
    await expectRefused(t, await stack.token({ role: 'secretariat' }, '5m', { issuer: 'someone-else' }), /"iss" claim/)
  })

  t.test('a token with an unknown role or without its organisation is refused', async (t) => {
    await expectRefused(t, await stack.token({ role: 'superuser' }), /role/)
    await expectRefused(t, await stack.token({ role: 'civil_society' }), /org/)
    await expectRefused(t, await stack.token({ role: 'government', org: 'th-msdhs' }), /country/)
  })

  t.test('a header that is not a bearer token is refused', async (t) => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: QUERY }),
    })
    t.equal(res.status, 401)
    t.match((await res.json()) as object, { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] })
  })
})

t.test('tokens from an identity provider, verified through its JWKS, across a key rotation', async (t) => {
  const [first, second] = await Promise.all([newKeyPair('idp-key-1'), newKeyPair('idp-key-2')])
  let published = [first.pair.publicJwk]
  const idp = Fastify()
  idp.get('/jwks.json', async () => ({ keys: published }))
  const idpUrl = await idp.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(() => idp.close())

  const stack = await startTestStack(t, {
    names: ['partners'],
    env: { AUTH_JWKS_URL: `${idpUrl}/jwks.json`, AUTH_ISSUER: 'https://idp.example.org', AUTH_AUDIENCE: 'directory', AUTH_JWKS_COOLDOWN_MS: '0', AUTH_JWKS_CACHE_MAX_AGE_MS: '200' },
  })
  const sign = (key: typeof first, role = 'secretariat') =>
    new SignJWT({ role })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.pair.kid })
      .setIssuer('https://idp.example.org')
      .setAudience('directory')
      .setSubject('analyst')
      .setExpirationTime('5m')
      .sign(key.pair.privateKey)

  t.equal((await stack.query(QUERY, {}, await sign(first))).status, 200, 'the published key is trusted')
  t.equal((await stack.query(QUERY, {}, await sign(second))).status, 401, 'an unpublished key is not')

  published = [first.pair.publicJwk, second.pair.publicJwk]
  t.equal((await stack.query(QUERY, {}, await sign(second))).status, 200, 'a newly published key is fetched and trusted')

  published = [second.pair.publicJwk]
  await new Promise((resolve) => setTimeout(resolve, 300))
  const retired = await stack.query(QUERY, {}, await sign(first))
  t.equal(retired.status, 401, 'a retired key is no longer trusted once the cache expires')
  t.equal(retired.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED')
})
