import t, { type Test } from 'tap'
import { newKeyPair } from '../../gateway/identity/keys.ts'
import { signForSubgraph, identity } from '../helpers/identities.ts'
import { startTestStack } from '../helpers/stack.ts'

t.test('subgraphs answer only the gateway', async (t) => {
  const stack = await startTestStack(t, { names: ['partners', 'tech-companies'] })
  const partnersUrl = stack.subgraphs.get('partners')!.url
  const direct = async (authorization?: string) => {
    const res = await fetch(partnersUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ partners { totalCount } }' }),
    })
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } }
  }
  const refused = (t: Test, res: Awaited<ReturnType<typeof direct>>) => {
    t.equal(res.status, 401)
    t.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED')
    t.notOk(res.body.data)
  }
  const secretariat = identity('secretariat')
  const forger = await newKeyPair('forger')

  t.test('a request without a gateway identity is refused', async (t) => refused(t, await direct()))
  t.test('a person’s own token is not a gateway identity', async (t) => refused(t, await direct(`Bearer ${await stack.token({ role: 'admin' })}`)))
  t.test('a forged gateway identity is refused', async (t) => refused(t, await direct(`Bearer ${await signForSubgraph('partners', secretariat, forger.pair.privateKey)}`)))
  t.test('an expired gateway identity is refused', async (t) => {
    const expired = await signForSubgraph('partners', secretariat, stack.subgraphKey, Math.floor(Date.now() / 1000) - 10)
    refused(t, await direct(`Bearer ${expired}`))
  })
  t.test('an identity signed for another subgraph is refused', async (t) => {
    refused(t, await direct(`Bearer ${await signForSubgraph('tech-companies', secretariat, stack.subgraphKey)}`))
  })
  t.test('a valid gateway identity is accepted', async (t) => {
    const res = await direct(`Bearer ${await signForSubgraph('partners', secretariat, stack.subgraphKey)}`)
    t.equal(res.status, 200)
  })
  t.test('the health routes stay open', async (t) => {
    const res = await fetch(partnersUrl.replace('/graphql', '/health/ready'))
    t.equal(res.status, 200)
  })
  t.test('the same query through the gateway is answered', async (t) => {
    const res = await stack.query('{ partners { totalCount } }')
    t.equal(res.status, 200)
    t.ok(res.data.partners.totalCount > 0)
  })
})
