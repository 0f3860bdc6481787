// Rate limits shared through Redis: two gateway replicas count one budget per identity, so a
// client cannot get twice its limit by alternating between them.
import { randomBytes } from 'node:crypto'
import t from 'tap'
import { Redis } from 'ioredis'
import { gatewayKeys, startBareGateway } from './fixtures/bare.ts'

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
const TYPENAME = { query: '{ __typename }' }

t.test('two gateway replicas share their rate limits through Redis', async (t) => {
  const prefix = `coea-test:rate-limit:${process.pid}-${randomBytes(4).toString('hex')}:`
  const redis = new Redis(REDIS_URL)
  t.teardown(async () => {
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })
  const env = { REDIS_URL, RATE_LIMIT_REDIS_PREFIX: prefix, RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_MS: '60000' }
  const keys = await gatewayKeys()
  const [a, b] = await Promise.all([startBareGateway(t, env, keys), startBareGateway(t, env, keys)])
  const ana = await a.token({ role: 'secretariat', sub: 'ana' })
  const asAna = { authorization: `Bearer ${ana}` }

  t.test('one person alternating between replicas gets one budget, not two', async (t) => {
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).post(TYPENAME, asAna)).status)
    t.same(statuses, [200, 200, 200, 200, 429, 429])
    const refused = await a.post(TYPENAME, asAna)
    t.equal(refused.body.errors[0].extensions.code, 'RATE_LIMITED')
    t.ok(Number(refused.headers.get('retry-after')) > 0)
  })

  t.test('the counter lives in Redis under the configured prefix, by subject', async (t) => {
    const stored = await redis.keys(`${prefix}*`)
    t.ok(stored.some((k) => k.endsWith('sub:ana')), stored.join(', '))
    t.ok(Number(await redis.pttl(stored.find((k) => k.endsWith('sub:ana'))!)) > 0, 'with an expiry')
  })

  t.test('anonymous clients are counted by address across replicas too', async (t) => {
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await (i % 2 ? a : b).post(TYPENAME)).status)
    t.same(statuses, [200, 200, 200, 200, 429])
  })

  t.test('somebody else is not affected', async (t) => {
    const ben = await a.token({ role: 'secretariat', sub: 'ben' })
    t.equal((await b.post(TYPENAME, { authorization: `Bearer ${ben}` })).status, 200)
  })
})

t.test('when Redis is unreachable, requests are let through (not refused)', async (t) => {
  const gw = await startBareGateway(t, { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_MAX: '1' })
  for (let i = 0; i < 3; i++) t.equal((await gw.post(TYPENAME)).status, 200)
})
