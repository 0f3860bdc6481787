// Partial answers instead of none. When a subgraph is down, or hides a record (a retired
// partner), the fields it would have given are null; a non-null field there turns that null into
// a null parent, and a non-null list of parents into a null list, up to `data: null` for the whole
// answer. So, in every subgraph's SDL:
// - a field that one subgraph adds to another's entity is nullable (Partner.hotlines when the
//   hotlines subgraph is down: that partner's hotlines are null, the partner stays);
// - a field naming an entity whose own fields live in another subgraph is nullable at the item
//   (Program.countries when the governments subgraph is down: [null], the program stays).
// An entity's "own" subgraph is the one that defines most of its fields.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { Kind, parse, type DocumentNode, type TypeNode } from 'graphql'
import { SUBGRAPH_NAMES } from '../../subgraphs/common/config.ts'

type Definition = { kind: string; name: { value: string }; fields?: readonly { name: { value: string }; type: TypeNode }[]; directives?: readonly { name: { value: string }; arguments?: readonly { value: { kind: string; value?: string } }[] }[] }

const sdl: Record<string, DocumentNode> = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [name, parse(readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8'))]),
)
const definitions = (name: string) => (sdl[name]!.definitions as unknown as Definition[]).filter((d) => d.fields && d.name.value !== 'Mutation')
const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type))
const itemNonNull = (type: TypeNode): boolean =>
  type.kind === Kind.NON_NULL_TYPE ? type.type.kind === Kind.NAMED_TYPE || itemNonNull(type.type) : type.kind === Kind.LIST_TYPE && itemNonNull(type.type)
const keysOf = (d: Definition) => (d.directives ?? []).filter((x) => x.name.value === 'key').map((x) => x.arguments?.[0]?.value.value)

// Entities (@key, @interfaceObject; the program-owner union stands for its partners) and their own subgraph.
const fieldCount = new Map<string, Map<string, number>>()
const entities = new Set<string>(['ProgramOwner'])
for (const name of SUBGRAPH_NAMES) {
  for (const d of definitions(name)) {
    if ((d.directives ?? []).some((x) => x.name.value === 'key' || x.name.value === 'interfaceObject')) entities.add(d.name.value)
    const counts = fieldCount.get(d.name.value) ?? new Map<string, number>()
    counts.set(name, (counts.get(name) ?? 0) + d.fields!.length)
    fieldCount.set(d.name.value, counts)
  }
}
const home = (type: string) => [...fieldCount.get(type === 'ProgramOwner' ? 'Partner' : type)!].sort((a, b) => b[1] - a[1])[0]![0]

t.test('every entity has an own subgraph', async (t) => {
  t.equal(home('Partner'), 'partners')
  t.equal(home('Country'), 'governments')
  t.equal(home('Hotline'), 'hotlines')
  t.ok(entities.size >= 10, `${entities.size} entities`)
})

t.test("a field one subgraph adds to another's entity is nullable", async (t) => {
  const hazards: string[] = []
  let checked = 0
  for (const name of SUBGRAPH_NAMES) {
    for (const d of definitions(name)) {
      if (!entities.has(d.name.value) || home(d.name.value) === name) continue
      for (const f of d.fields!) {
        if (keysOf(d).includes(f.name.value)) continue
        checked += 1
        if (f.type.kind === Kind.NON_NULL_TYPE) hazards.push(`${name}: ${d.name.value}.${f.name.value}`)
      }
    }
  }
  t.ok(checked >= 20, `${checked} fields checked`)
  t.same(hazards, [])
})

t.test('a field naming an entity of another subgraph is nullable at the item', async (t) => {
  const hazards: string[] = []
  let checked = 0
  for (const name of SUBGRAPH_NAMES) {
    for (const d of definitions(name)) {
      for (const f of d.fields!) {
        if (!entities.has(named(f.type)) || home(named(f.type)) === name) continue
        checked += 1
        if (itemNonNull(f.type)) hazards.push(`${name}: ${d.name.value}.${f.name.value}`)
      }
    }
  }
  t.ok(checked >= 30, `${checked} fields checked`)
  t.same(hazards, [])
})
