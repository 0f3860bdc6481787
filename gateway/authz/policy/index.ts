// One policy for the whole API: the union of every subgraph's policy file in this folder. Two
// files that give the same field different rules are a mistake, reported at start.
import { readdirSync } from 'node:fs'
import type { Policy } from './types.ts'

export function mergePolicies(...policies: Policy[]): Policy {
  const merged: Policy = {}
  for (const policy of policies) {
    for (const [type, fields] of Object.entries(policy)) {
      const target = (merged[type] ??= {})
      for (const [field, ruleName] of Object.entries(fields)) {
        if (target[field] && target[field] !== ruleName) {
          throw new Error(`Policy conflict on ${type}.${field}: "${target[field]}" and "${ruleName}"`)
        }
        target[field] = ruleName
      }
    }
  }
  return merged
}

const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')
const modules = await Promise.all(files.sort().map((f) => import(new URL(f, import.meta.url).href) as Promise<{ policy: Policy }>))

export const policy: Policy = mergePolicies(...modules.map((m) => m.policy))
