// The embedded default keeps its data folder: what was written is there after a restart, and
// starting again neither re-applies migrations nor duplicates the seed.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { newKeyPair } from '../../gateway/identity/keys.ts'
import { mintToken } from '../../scripts/token.ts'
import { startStack } from '../../scripts/stack.ts'

t.test('data survives a restart on PGlite', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coea-data-'))
  const [authKey, subgraphKey] = await Promise.all([newKeyPair('auth'), newKeyPair('gateway')])
  const env = { DATA_DIR: dataDir, PORT: '0', SUBGRAPH_PORT_PARTNERS: '0', SUBGRAPH_PORT_CIVIL_SOCIETY: '0', LOG_LEVEL: 'silent' }
  const start = () => startStack({ env, names: ['partners', 'civil-society'], authKey: authKey.pair, subgraphKey: subgraphKey.pair, logger: false })
  const post = async (url: string, query: string, token?: string) =>
    (await (
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) })
    ).json()) as any

  const first = await start()
  const token = await mintToken(authKey.pair, first.config.auth, { role: 'civil_society', org: 'aple-cambodia', sub: 'sokha' })
  const created = await post(
    first.gatewayUrl,
    `mutation { createProgram(input: { titles: [{ lang: "en", value: "Restart check" }, { lang: "km", value: "ការត្រួតពិនិត្យ" }], countries: ["KH"] }) { id version } }`,
    token,
  )
  t.notOk(created.errors, JSON.stringify(created.errors))
  const id = created.data.createProgram.id
  const before = await post(first.gatewayUrl, '{ partners { totalCount } programs { totalCount } }')
  await first.close()

  const second = await start()
  t.teardown(() => second.close())
  const after = await post(second.gatewayUrl, `{ partners { totalCount } programs { totalCount } program(id: "${id}") { title(lang: "km") version } }`)
  t.same(after.data.program, { title: 'ការត្រួតពិនិត្យ', version: 1 }, 'the program written before the restart is there')
  t.equal(after.data.partners.totalCount, before.data.partners.totalCount, 'the seed was not applied twice')
  t.equal(after.data.programs.totalCount, before.data.programs.totalCount)
  const applied = await second.subgraphs.get('partners')!.db.query<{ n: number }>('select count(*)::int as n from partners.schema_migrations')
  t.ok(applied[0]!.n >= 1, 'migrations are recorded, not re-run')
})
