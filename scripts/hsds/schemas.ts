// HSDS 3.0 JSON Schemas (draft 2020-12) for validation: the core files as published, and the same
// files with this directory's profile applied (RFC 7396 JSON Merge Patch, as HSDS profiles work).
// The schemas are not part of this repository; they are read from a folder given by HSDS_SCHEMA_DIR
// or, by default, shared/hsds-3.0 beside the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const PROFILE_DIR = join(ROOT, 'schema/hsds-profile')

export function hsdsSchemaDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.HSDS_SCHEMA_DIR ? resolve(env.HSDS_SCHEMA_DIR) : resolve(ROOT, '../shared/hsds-3.0')
  if (!existsSync(join(dir, 'service.json'))) {
    throw new Error(
      `The HSDS 3.0 schemas were not found in ${dir}. Put the published schema files (service.json, organization.json, ...) ` +
        'in shared/hsds-3.0 beside this repository, or set HSDS_SCHEMA_DIR to their folder.',
    )
  }
  return dir
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** RFC 7396: objects merge key by key, null removes, anything else replaces. */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch
  const result: { [k: string]: Json } = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    else result[key] = mergePatch(result[key], value)
  }
  return result
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json
const schemaFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'openapi.json')

/** The core schema files by name ("service.json" -> schema), and the compiled list schemas of the API ("compiled/service_list.json"). */
export function coreSchemas(dir = hsdsSchemaDir()): Map<string, Json> {
  const schemas = new Map(schemaFiles(dir).map((f): [string, Json] => [f, readJson(join(dir, f))]))
  const compiled = join(dir, 'compiled')
  if (existsSync(compiled)) for (const f of readdirSync(compiled).filter((f) => f.endsWith('_list.json'))) schemas.set(`compiled/${f}`, readJson(join(compiled, f)))
  return schemas
}

/** The core schemas with the profile's patches applied and its new files added. */
export function profileSchemas(dir = hsdsSchemaDir()): Map<string, Json> {
  const schemas = coreSchemas(dir)
  for (const f of schemaFiles(PROFILE_DIR)) {
    const patched = mergePatch(schemas.get(f), readJson(join(PROFILE_DIR, f)))
    if (patched === null) schemas.delete(f)
    else schemas.set(f, patched)
  }
  return schemas
}

/**
 * Ajv for draft 2020-12 with every schema registered under its file name, so the files' relative
 * `$ref`s ("phone.json") resolve. HSDS schemas carry their own keywords (name, core, constraints,
 * datapackage_metadata, ...), so strict mode is off.
 */
export function validatorFor(schemas: Map<string, Json>) {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true })
  addFormats.default(ajv)
  for (const [name, schema] of schemas) ajv.addSchema(schema as object, name)
  return {
    ajv,
    validate(name: string, value: unknown): string[] {
      const check = ajv.getSchema(name)
      if (!check) throw new Error(`No HSDS schema named ${name}`)
      if (check(value)) return []
      return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : ''}`)
    },
  }
}
