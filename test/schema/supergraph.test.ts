import { readFileSync } from 'node:fs'
import t from 'tap'
import { isIntrospectionType, isObjectType } from 'graphql'
import { composeSupergraph, SUPERGRAPH_PATH } from '../../scripts/compose.ts'
import { SUBGRAPH_NAMES } from '../../subgraphs/common/config.ts'
import { policy } from '../../gateway/authz/policy/index.ts'
import { RULE_NAMES } from '../../gateway/authz/policy/types.ts'

const committed = readFileSync(SUPERGRAPH_PATH, 'utf8')
const fresh = composeSupergraph()

t.test('the committed supergraph is what the subgraph SDLs compose to', async (t) => {
  t.notOk('errors' in fresh && fresh.errors, 'the SDLs compose')
  t.ok('supergraphSdl' in fresh && fresh.supergraphSdl === committed, 'schema/supergraph.graphql is up to date (run `npm run compose`)')
  for (const name of SUBGRAPH_NAMES) t.match(committed, `@join__graph(name: "${name}"`, `${name} is part of it`)
})

// The committed supergraph is the composed one (the test above), so its API schema is this one.
t.test('the policy decides every field of the API schema explicitly, and nothing else', async (t) => {
  if ('errors' in fresh) return t.fail('the SDLs do not compose')
  const api = fresh.apiSchema()
  const undecided: string[] = []
  for (const type of Object.values(api.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue
    for (const field of Object.keys(type.getFields())) {
      if (!policy[type.name]?.[field]) undecided.push(`${type.name}.${field}`)
    }
  }
  t.same(undecided, [], 'every field has a rule in gateway/authz/policy/')

  const stale: string[] = []
  for (const [typeName, fields] of Object.entries(policy)) {
    const type = api.getType(typeName)
    for (const [field, rule] of Object.entries(fields)) {
      if (!isObjectType(type) || !type.getFields()[field]) stale.push(`${typeName}.${field}`)
      if (!RULE_NAMES.includes(rule)) stale.push(`${typeName}.${field}: unknown rule ${rule}`)
    }
  }
  t.same(stale, [], 'the policy names no type or field the schema lacks')
})
