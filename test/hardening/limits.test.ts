// Operation limits at the gateway: each refusal is HTTP 400 with OPERATION_LIMIT_EXCEEDED naming
// the limit, the value and the maximum, and no subgraph hears of the operation. The deepest
// query the directory's users need still runs.
import t, { type Test } from 'tap'
import { getIntrospectionQuery } from 'graphql'
import { startTestStack } from '../helpers/stack.ts'

const sentToSubgraphs = (received: Map<string, string[]>) => [...received.values()].reduce((n, list) => n + list.length, 0)

t.test('operation limits', async (t) => {
  const stack = await startTestStack(t, { names: ['partners', 'governments', 'hotlines'] })
  const { limits } = stack.config
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text })
    return { status: res.status, body: (await res.json()) as any }
  }
  const refused = async (t: Test, body: unknown, limit: string, value: number | ((v: number) => boolean), max: number) => {
    const before = sentToSubgraphs(stack.received)
    const started = performance.now()
    const res = await post(body)
    t.equal(res.status, 400)
    t.notOk(res.body.data, 'no data')
    const error = res.body.errors?.[0]
    t.equal(error?.extensions?.code, 'OPERATION_LIMIT_EXCEEDED')
    t.equal(error?.extensions?.limit, limit)
    t.equal(error?.extensions?.max, max)
    if (typeof value === 'number') t.equal(error?.extensions?.value, value)
    else t.ok(value(error?.extensions?.value), `value ${error?.extensions?.value}`)
    t.match(error?.message, new RegExp(`${error?.extensions?.value}.*limit is ${max}`), 'the message says the value and the limit')
    t.equal(sentToSubgraphs(stack.received), before, 'nothing was sent to a subgraph')
    t.ok(performance.now() - started < 1000, 'refused quickly')
    return error
  }

  t.test('the deepest query people need (7 levels: country, partners, hotlines, channels, schedule, intervals) runs', async (t) => {
    const res = await stack.query('{ country(code: "TH") { partners { hotlines { channels { schedule { intervals { day opens } } } } } } }')
    t.equal(res.status, 200)
    t.notOk(res.errors)
    t.ok(res.data.country.partners.some((p: any) => p.hotlines.length > 0))
  })

  t.test('introspection, on in development, is not held to the depth limit', async (t) => {
    const res = await stack.query(getIntrospectionQuery())
    t.notOk(res.errors)
    t.ok(res.data.__schema.types.length > 50)
  })

  t.test('too deep', async (t) => {
    let query = 'id'
    for (let i = 0; i < 5; i++) query = `operator { hotlines { ${query} } }`
    await refused(t, { query: `{ hotline(id: "th-thaihotline") { ${query} } }` }, 'depth', 12, limits.maxDepth)
  })

  t.test('too deep through fragments', async (t) => {
    const query = `{ hotline(id: "x") { ...A } }
      fragment A on Hotline { operator { hotlines { ...B } } }
      fragment B on Hotline { operator { hotlines { ...C } } }
      fragment C on Hotline { operator { hotlines { operator { hotlines { operator { id } } } } } }`
    await refused(t, { query }, 'depth', 11, limits.maxDepth)
  })

  t.test('too many aliases', async (t) => {
    const aliases = Array.from({ length: limits.maxAliases + 1 }, (_, i) => `a${i}: id`).join(' ')
    await refused(t, { query: `{ hotline(id: "x") { ${aliases} } }` }, 'aliases', limits.maxAliases + 1, limits.maxAliases)
  })

  t.test('aliases count once per place a fragment is spread', async (t) => {
    const ten = Array.from({ length: 10 }, (_, i) => `n${i}: name`).join(' ')
    const query = `{ a: hotline(id: "x") { ...F } b: hotline(id: "y") { ...F } c: hotline(id: "z") { ...F } } fragment F on Hotline { ${ten} }`
    await refused(t, { query }, 'aliases', 33, limits.maxAliases)
  })

  t.test('too many root fields', async (t) => {
    const query = `{ ${'__typename '.repeat(limits.maxRootFields + 1)}}`
    await refused(t, { query }, 'rootFields', limits.maxRootFields + 1, limits.maxRootFields)
  })

  t.test('too many fields: a fragment bomb is measured without being expanded', async (t) => {
    let query = '{ hotline(id: "x") { ...F0 } } fragment F60 on Hotline { id }'
    for (let i = 0; i < 60; i++) query += ` fragment F${i} on Hotline { id ...F${i + 1} ...F${i + 1} }`
    await refused(t, { query }, 'fields', (v) => v >= Number.MAX_SAFE_INTEGER, limits.maxFields)
  })

  t.test('a document over the size limit', async (t) => {
    const query = `# ${'x'.repeat(limits.maxDocumentBytes)}\n{ __typename }`
    await refused(t, { query }, 'documentBytes', Buffer.byteLength(query), limits.maxDocumentBytes)
  })

  t.test('variables over the size limit', async (t) => {
    const variables = { id: 'x'.repeat(limits.maxVariablesBytes) }
    await refused(t, { query: 'query($id: ID!) { hotline(id: $id) { id } }', variables }, 'variablesBytes', Buffer.byteLength(JSON.stringify(variables)), limits.maxVariablesBytes)
  })

  t.test('variables nested too deep', async (t) => {
    // Written out as text: JSON.stringify itself overflows the stack on such a value.
    const body = `{"query": "query($ids: [ID!]) { __typename }", "variables": {"ids": ${'['.repeat(5000)}"x"${']'.repeat(5000)}}}`
    await refused(t, body, 'variablesDepth', 5001, limits.maxVariablesDepth)
  })

  t.test('a batch (a JSON array of operations)', async (t) => {
    await refused(t, [{ query: '{ __typename }' }, { query: '{ __typename }' }], 'batch', 2, 1)
  })

  t.test('GET requests are held to the same limits', async (t) => {
    const query = `{ ${'__typename '.repeat(limits.maxRootFields + 1)}}`
    const res = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } })
    const body = (await res.json()) as any
    t.equal(res.status, 400)
    t.equal(body.errors[0].extensions.limit, 'rootFields')
  })

  t.test('only the named operation of a document is measured', async (t) => {
    const deep = 'operator { hotlines { operator { hotlines { operator { hotlines { operator { hotlines { operator { hotlines { id } } } } } } } } } }'
    const query = `query Small { hotline(id: "th-thaihotline") { id } } query Deep { hotline(id: "x") { ${deep} } }`
    const small = await post({ query, operationName: 'Small' })
    t.equal(small.status, 200)
    t.equal(small.body.data.hotline.id, 'th-thaihotline')
    const refusedDeep = await post({ query, operationName: 'Deep' })
    t.equal(refusedDeep.body.errors[0].extensions.limit, 'depth')
  })
})
