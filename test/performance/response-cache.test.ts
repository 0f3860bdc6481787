// The response cache for reads: a public answer is served again without asking the subgraphs,
// an answer is never served to anyone it was not produced for, a mutation through the gateway
// makes answers that depended on the changed subgraph fresh again, and with Redis two gateway
// replicas share both the answers and the invalidations.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import t from 'tap'
import { buildGateway } from '../../gateway/app.ts'
import { newKeyPair } from '../../gateway/identity/keys.ts'
import { mintToken, type TokenClaims } from '../../scripts/token.ts'
import { startTestStack, type TestStack } from '../helpers/stack.ts'

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
const SAIDEK = `{ hotline(id: "th-saidek-1387") { id name channels { value } } }`
const ESCALATION = `query($id: ID!) { hotline(id: $id) { id name escalationChannels { value } } }`
const ADD_CHANNEL = `mutation($value: String!) { addContactChannel(hotlineId: "th-saidek-1387", input: { type: WEBSITE, value: $value, source: "cache test" }) { id } }`

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return { cache: res.headers.get('x-cache'), ...((await res.json()) as { data?: any; errors?: any[] }) }
}

const asked = (stack: TestStack, subgraph: 'hotlines' | 'partners') => stack.received.get(subgraph)?.length ?? 0

// One stack for the file: its gateway caches in memory; the Redis replicas are two more gateways.
const stack = await startTestStack(t, { env: { CACHE_TTL_MS: '60000' } })

t.test('the response cache in memory', async (t) => {
  const [staff, meta, tiktok] = await Promise.all([
    stack.token({ role: 'secretariat', org: 'asean-secretariat' }),
    stack.token({ role: 'tech_company', org: 'meta', verified: true }),
    stack.token({ role: 'tech_company', org: 'google', verified: true }),
  ])

  t.test('a public answer is served again without asking the subgraph', async (t) => {
    const first = await post(stack.gatewayUrl, SAIDEK)
    const before = asked(stack, 'hotlines')
    const second = await post(stack.gatewayUrl, SAIDEK)
    t.equal(first.cache, 'MISS')
    t.equal(second.cache, 'HIT')
    t.equal(asked(stack, 'hotlines'), before, 'the hotlines subgraph was not asked the second time')
    t.same(second.data, first.data)
    t.ok(first.data.hotline.channels.length > 0)
  })

  t.test("a restricted answer is never served to the public, and the public's never to a partner", async (t) => {
    const restricted = await post(stack.gatewayUrl, ESCALATION, { id: 'th-ticac' }, meta)
    t.notOk(restricted.errors, JSON.stringify(restricted.errors))
    t.ok(restricted.data.hotline.escalationChannels.length > 0, 'a verified tech company sees escalation channels')
    const publicAnswer = await post(stack.gatewayUrl, ESCALATION, { id: 'th-ticac' })
    t.equal(publicAnswer.cache, 'MISS', 'the public does not get the cached restricted answer')
    t.equal(publicAnswer.data.hotline, null, 'the refused field nulls the hotline for the public')
    t.equal(publicAnswer.errors?.[0]?.extensions?.code, 'UNAUTHORIZED_FIELD_OR_TYPE')
    t.notMatch(JSON.stringify(publicAnswer), /escalation-example|example\.org/, 'no escalation contact anywhere in the public answer')

    const publicFirst = await post(stack.gatewayUrl, ESCALATION, { id: 'my-pdrm-micac' })
    const publicAgain = await post(stack.gatewayUrl, ESCALATION, { id: 'my-pdrm-micac' })
    t.equal(publicAgain.cache, 'HIT', 'the public answer, removal error included, is cached for the public')
    t.same(publicAgain.errors?.map((e: any) => e.extensions.code), ['UNAUTHORIZED_FIELD_OR_TYPE'])
    t.same(publicAgain.data, publicFirst.data)
    const partner = await post(stack.gatewayUrl, ESCALATION, { id: 'my-pdrm-micac' }, meta)
    t.equal(partner.cache, 'MISS')
    t.notOk(partner.errors, 'the verified tech company does not get the public answer')
    t.ok(partner.data.hotline.escalationChannels.length > 0)
  })

  t.test('two signed-in callers with the same permission set do not share answers', async (t) => {
    await post(stack.gatewayUrl, SAIDEK, {}, meta)
    const again = await post(stack.gatewayUrl, SAIDEK, {}, meta)
    const before = asked(stack, 'hotlines')
    const other = await post(stack.gatewayUrl, SAIDEK, {}, tiktok)
    t.equal(again.cache, 'HIT', 'the same caller gets its own answer again')
    t.equal(other.cache, 'MISS', 'another organisation gets an answer produced for it')
    t.equal(asked(stack, 'hotlines'), before + 1)
  })

  t.test('a mutation makes answers that depended on the changed subgraph fresh again, and only those', async (t) => {
    const PARTNERS = `{ partners(first: 3) { nodes { id name } } }`
    await post(stack.gatewayUrl, SAIDEK)
    await post(stack.gatewayUrl, PARTNERS)
    t.equal((await post(stack.gatewayUrl, SAIDEK)).cache, 'HIT')
    const value = `https://example.org/cache-test/${randomBytes(4).toString('hex')}`
    const added = await post(stack.gatewayUrl, ADD_CHANNEL, { value }, staff)
    t.notOk(added.errors, JSON.stringify(added.errors))
    const after = await post(stack.gatewayUrl, SAIDEK)
    t.equal(after.cache, 'MISS', 'the hotline answer is produced again')
    t.ok(after.data.hotline.channels.some((c: any) => c.value === value), 'with the new channel')
    const partners = await post(stack.gatewayUrl, PARTNERS)
    t.equal(partners.cache, 'HIT', 'an answer from the partners subgraph alone is still served from the cache')
  })

  t.test('identical queries in flight from the same caller share one execution; other callers do not', async (t) => {
    const query = `query Coalesced { hotline(id: "th-thaihotline") { id name channels { value } } }`
    const before = asked(stack, 'hotlines')
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(stack.gatewayUrl, query)))
    t.ok(asked(stack, 'hotlines') - before < 8, `8 concurrent public requests asked the subgraph ${asked(stack, 'hotlines') - before} time(s)`)
    t.ok(answers.some((a) => a.cache === 'COALESCED'))
    t.ok(answers.every((a) => JSON.stringify(a.data) === JSON.stringify(answers[0]!.data) && !a.errors))
    const fresh = `query CoalescedByCaller { hotline(id: "th-thaihotline") { id kind } }`
    const mixed = await Promise.all([post(stack.gatewayUrl, fresh, {}, meta), post(stack.gatewayUrl, fresh, {}, tiktok), post(stack.gatewayUrl, fresh)])
    t.same(mixed.map((a) => a.cache), ['MISS', 'MISS', 'MISS'], 'three callers, three executions')
  })

  t.test('mutations and answers with errors are not cached', async (t) => {
    const value = `https://example.org/cache-test/${randomBytes(4).toString('hex')}`
    const before = asked(stack, 'hotlines')
    const first = await post(stack.gatewayUrl, ADD_CHANNEL, { value }, staff)
    const second = await post(stack.gatewayUrl, ADD_CHANNEL, { value }, staff)
    t.equal(first.cache, null)
    t.equal(second.cache, null)
    t.equal(asked(stack, 'hotlines'), before + 2, 'the same mutation reached the subgraph twice')
    const bad = `{ referralPathway(country: "XX", harm: "csam") { steps { kind } } }`
    await post(stack.gatewayUrl, bad)
    const again = await post(stack.gatewayUrl, bad)
    t.equal(again.cache, 'MISS')
    t.equal(again.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})

t.test('the response cache in Redis, shared by two gateway replicas', async (t) => {
  const prefix = `coea-test:cache:${randomBytes(6).toString('hex')}:`
  const redis = new Redis(REDIS_URL)
  const [a, b] = [await startReplica(stack, prefix), await startReplica(stack, prefix)]
  t.teardown(async () => {
    await Promise.all([a.close(), b.close()])
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })
  const staff = await a.token({ role: 'secretariat', org: 'asean-secretariat' })

  t.test('an answer produced by one replica is served by the other', async (t) => {
    const first = await post(a.url, SAIDEK)
    const before = asked(stack, 'hotlines')
    t.ok(before > 0, 'the first replica asked the subgraph')
    const second = await post(b.url, SAIDEK)
    t.equal(first.cache, 'MISS')
    t.equal(second.cache, 'HIT')
    t.equal(asked(stack, 'hotlines'), before, 'the subgraph was not asked by the second replica')
    t.same(second.data, first.data)
  })

  t.test('a mutation through one replica invalidates the answers of the other', async (t) => {
    t.equal((await post(b.url, SAIDEK)).cache, 'HIT')
    const value = `https://example.org/cache-test/${randomBytes(4).toString('hex')}`
    const added = await post(a.url, ADD_CHANNEL, { value }, staff)
    t.notOk(added.errors, JSON.stringify(added.errors))
    // The invalidation reaches the other replica through Redis pub/sub, within milliseconds.
    let after = await post(b.url, SAIDEK)
    for (let i = 0; i < 40 && after.cache === 'HIT'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      after = await post(b.url, SAIDEK)
    }
    t.equal(after.cache, 'MISS')
    t.ok(after.data.hotline.channels.some((c: any) => c.value === value), 'the other replica answers with the new channel')
  })

  t.test('cached answers live under the configured prefix only, with a TTL', async (t) => {
    const entries = (await redis.keys(`${prefix}*`)).filter((k) => !k.endsWith('generations'))
    t.ok(entries.length > 0)
    const ttls = await Promise.all(entries.map((k) => redis.pttl(k)))
    t.ok(ttls.every((ms) => ms > 0 && ms <= 60_000), 'every answer expires')
  })
})

/** Another gateway replica in front of the stack's subgraphs, with the cache in Redis under `prefix`. */
async function startReplica(stack: TestStack, prefix: string) {
  const auth = await newKeyPair('replica-auth')
  const gateway: FastifyInstance = await buildGateway({
    config: { ...stack.config, port: 0, cache: { ttlMs: 60_000, maxEntries: 1000, redisUrl: REDIS_URL, redisPrefix: prefix, coalesce: true } },
    // Signs forwarded identities with the stack's key, which the subgraphs trust.
    subgraphKey: { ...(await newKeyPair('replica')).pair, privateKey: stack.subgraphKey },
    authKey: auth.pair,
    logger: false,
  })
  const url = `${await gateway.listen({ host: '127.0.0.1', port: 0 })}/graphql`
  return { url, token: (claims: TokenClaims) => mintToken(auth.pair, stack.config.auth, claims), close: () => gateway.close() }
}
