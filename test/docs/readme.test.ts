// The README's examples are run as written: each `curl … /graphql` block (with the token its
// `npm run token` line asks for) against the whole system on the seed data, and its answer
// compared with the JSON block that follows it. Where the README shortens an answer with "…",
// what it shows must be there; otherwise the answer must be exactly the one shown.
import { readFileSync } from 'node:fs'
import t from 'tap'
import type { TokenClaims } from '../../scripts/token.ts'
import { startTestStack } from '../helpers/stack.ts'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
// The seed's "today": openNow and stale depend on the clock.
const NOW = new Date('2026-11-29T05:00:00Z')

interface Example {
  title: string
  claims: TokenClaims | null
  body: { query: string; variables?: Record<string, unknown> }
  answer: unknown
  shortened: boolean
}

function tokenClaims(line: string | undefined): TokenClaims | null {
  if (!line) return null
  const arg = (name: string) => line.match(new RegExp(`--${name} (\\S+)`))?.[1]?.replace(/\)$/, '')
  return { role: arg('role')!, org: arg('org'), country: arg('country'), sub: arg('sub'), verified: /--verified\b/.test(line) } as TokenClaims
}

function examples(): Example[] {
  const found: Example[] = []
  const blocks = [...README.matchAll(/^### (.+)$|```sh\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/gm)]
  let title = ''
  for (const [, heading, sh, json] of blocks) {
    if (heading) {
      title = heading
      continue
    }
    if (!sh!.includes('/graphql')) continue
    const payload = sh!.match(/-d '([\s\S]*?)'\s*$/)
    if (!payload) continue
    const shortened = json!.includes('…')
    const answer = JSON.parse(json!.replace(/,\s*…/g, ''))
    found.push({ title, claims: tokenClaims(sh!.split('\n').find((l) => l.includes('npm run --silent token'))), body: JSON.parse(payload[1]!), answer, shortened })
  }
  return found
}

t.test('the README examples answer what the README shows', async (t) => {
  const cases = examples()
  t.ok(cases.length >= 5, `${cases.length} examples`)
  const stack = await startTestStack(t, { clock: () => NOW })
  for (const example of cases) {
    t.test(example.title, async (t) => {
      const token = example.claims ? await stack.token(example.claims) : undefined
      const { status, ...answer } = await stack.query(example.body.query, example.body.variables, token)
      t.equal(status, 200, JSON.stringify(answer).slice(0, 600))
      if (example.shortened) t.match(answer, example.answer)
      else t.same(answer, example.answer)
    })
  }
})
