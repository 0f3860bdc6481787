// The partners subgraph hides a retired partner from everyone but the Secretariat, also when
// another subgraph names it. A non-null field naming a partner would then turn that hidden
// partner into a null that voids its parent, and the parent's list, up to `data: null` for the
// whole answer. So outside the partners subgraph every such field is nullable, at the item.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { Kind, parse, type TypeNode } from 'graphql'
import { SUBGRAPH_NAMES } from '../../subgraphs/common/config.ts'

const PARTNER_TYPES = new Set(['Partner', 'GovernmentAgency', 'TechCompany', 'CivilSocietyOrganisation', 'UnAgency', 'ProgramOwner'])

/** The type wrapping the named type directly is non-null: `Partner!`, `[Partner!]`. */
function itemNonNull(type: TypeNode): boolean {
  if (type.kind === Kind.NON_NULL_TYPE) return type.type.kind === Kind.NAMED_TYPE || itemNonNull(type.type)
  if (type.kind === Kind.LIST_TYPE) return itemNonNull(type.type)
  return false
}
const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type))

t.test('outside the partners subgraph, every field that names a partner is nullable', async (t) => {
  const hazards: string[] = []
  let checked = 0
  for (const name of SUBGRAPH_NAMES.filter((n) => n !== 'partners')) {
    const doc = parse(readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8'))
    for (const def of doc.definitions) {
      if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || def.name.value === 'Mutation') continue
      for (const field of def.fields ?? []) {
        if (!PARTNER_TYPES.has(named(field.type))) continue
        checked += 1
        if (itemNonNull(field.type)) hazards.push(`${name}: ${def.name.value}.${field.name.value}`)
      }
    }
  }
  t.ok(checked >= 10, `${checked} fields name a partner`)
  t.same(hazards, [])
})
