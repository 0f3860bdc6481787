// graphql-shield 7.6.5, its last release, imports `isUndefined` from `util`, which Node 23 removed:
// there its ESM build does not load (the gateway does not start) and its `chain` and `race` rules
// deny everything. patches/graphql-shield+7.6.5.patch, applied by `npm install` and `npm ci`
// (postinstall), replaces it with a plain comparison, as upstream did after that release. These
// tests fail when the patch is missing, on any Node.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import t from 'tap'
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql'
import { chain, deny, race, rule, shield } from 'graphql-shield'

type Middleware = (...args: unknown[]) => Promise<unknown>

const cjsEntry = createRequire(import.meta.url).resolve('graphql-shield')
const builds = ['esm', 'cjs'].map((build) => join(dirname(cjsEntry), '..', build, 'rules.js'))

t.test('the installed graphql-shield no longer needs util.isUndefined', async (t) => {
  for (const file of builds) {
    t.notMatch(readFileSync(file, 'utf8'), /isUndefined/, `${file.split('graphql-shield')[1]} is patched`)
  }
})

t.test('chain and race decide on this Node', async (t) => {
  const yes = rule({ cache: 'no_cache' })(() => true)
  const no = rule({ cache: 'no_cache' })(() => false)
  const Query = new GraphQLObjectType({
    name: 'Query',
    fields: Object.fromEntries(['both', 'either', 'neither'].map((name) => [name, { type: GraphQLString }])),
  })
  const schema = new GraphQLSchema({ query: Query })
  const generated = shield(
    { Query: { both: chain(yes, yes), either: race(no, yes), neither: race(no, no) } },
    { fallbackRule: deny, allowExternalErrors: false },
  ).generate(schema) as Record<string, Record<string, Middleware | { resolve: Middleware }>>
  const decide = async (field: string) => {
    const info = { fieldName: field, parentType: Query, schema, path: { key: field } }
    const entry = generated.Query![field]!
    const middleware = typeof entry === 'function' ? entry : entry.resolve
    const answer = await middleware(() => 'allowed', undefined, {}, {}, info).catch((err: Error) => err)
    return answer === 'allowed'
  }
  t.equal(await decide('both'), true, 'chain of two allowing rules allows')
  t.equal(await decide('either'), true, 'race with one allowing rule allows')
  t.equal(await decide('neither'), false, 'race of two denying rules denies')
})
