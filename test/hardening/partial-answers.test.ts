// With one subgraph away, the directory answers everything the others hold: the public's country
// page and partner list lose only the hotlines (null, with SUBGRAPH_UNAVAILABLE), never the
// partners, their names or their commitments; with the governments subgraph away, programs keep
// their other fields and their countries are null items.
import t from 'tap'
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/common/config.ts'
import { startTestStack } from '../helpers/stack.ts'

const without = (...away: SubgraphName[]) => SUBGRAPH_NAMES.filter((n) => !away.includes(n))
const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => [...new Set(res.errors?.map((e) => e.extensions?.code))]

t.test('the hotlines subgraph is away', async (t) => {
  const stack = await startTestStack(t, { names: without('hotlines') })
  const list = await stack.query(`{ partners(filter: { country: "TH" }, first: 50) { totalCount nodes { id name hotlines { name } commitments { id } } } }`)
  t.equal(list.status, 200)
  t.same(codes(list), ['SUBGRAPH_UNAVAILABLE'])
  t.ok(list.data.partners.nodes.length > 5, `${list.data.partners.nodes.length} partners`)
  t.equal(list.data.partners.nodes.length, Math.min(50, list.data.partners.totalCount))
  t.ok(list.data.partners.nodes.every((p: any) => typeof p.name === 'string' && p.hotlines === null && Array.isArray(p.commitments)), 'names and commitments, hotlines null')

  const country = await stack.query(`{ country(code: "TH") { name agencies { id name } hotlines { name } partners { id } } }`)
  t.same(codes(country), ['SUBGRAPH_UNAVAILABLE'])
  t.equal(country.data.country.name, 'Thailand')
  t.equal(country.data.country.hotlines, null)
  t.ok(country.data.country.agencies.length > 0 && country.data.country.partners.length > 5)
})

t.test('the governments subgraph is away', async (t) => {
  const stack = await startTestStack(t, { names: without('governments') })
  const res = await stack.query(`{ programs(filter: { country: "KH" }, first: 10) { nodes { id title countries { code name } } } }`)
  t.same(codes(res), ['SUBGRAPH_UNAVAILABLE'])
  t.ok(res.data.programs.nodes.length > 0)
  t.ok(res.data.programs.nodes.every((p: any) => typeof p.title === 'string' && p.countries.length > 0 && p.countries.every((c: any) => c === null)), 'programs stay, their countries are null items')
})
