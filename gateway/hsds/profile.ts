// The HSDS profile of this directory (schema/hsds-profile/): JSON Merge Patch files over the HSDS
// 3.0 schema files and OpenAPI document, and the README that documents them. Read once at start;
// only the files found there are served, by exact name.
import { readdirSync, readFileSync } from 'node:fs'

const DIR = new URL('../../schema/hsds-profile/', import.meta.url)

export const PROFILE_NAME = 'asean-coea-directory'

export interface ProfileFiles {
  readme: string
  patches: Map<string, unknown>
}

export function loadProfile(): ProfileFiles {
  const patches = new Map<string, unknown>()
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    patches.set(name, JSON.parse(readFileSync(new URL(name, DIR), 'utf8')))
  }
  return { readme: readFileSync(new URL('README.md', DIR), 'utf8'), patches }
}
