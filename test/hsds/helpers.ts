// Shared by the HSDS tests: HTTP helpers against a test stack's gateway, and validators for the
// HSDS 3.0 schemas as published and with the directory's profile applied, read from
// shared/hsds-3.0 beside the repository (or HSDS_SCHEMA_DIR); missing schemas fail with a message.
import { coreSchemas, profileSchemas, validatorFor } from '../../scripts/hsds/schemas.ts'
import type { TestStack } from '../helpers/stack.ts'

export function hsdsHttp(stack: TestStack) {
  const base = stack.gatewayUrl.replace(/\/graphql$/, '')
  const get = async <T = any>(path: string, token?: string) => {
    const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    const text = await res.text()
    let body: T
    try {
      body = JSON.parse(text) as T
    } catch {
      body = text as T
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, body }
  }
  const ndjson = async <T = any>(path: string, token?: string) => {
    const res = await get<string>(path, token)
    return res.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T)
  }
  return { base, get, ndjson }
}

/** Validators for the core HSDS 3.0 schemas and for the profile's (closed: no field undocumented). */
export function hsdsValidators() {
  const core = validatorFor(coreSchemas())
  const closed = profileSchemas()
  // Closing every file's object shows that each field the export writes is defined by HSDS or
  // by the profile: an undocumented field fails validation.
  for (const [name, schema] of closed) {
    if (!name.startsWith('compiled/') && schema && typeof schema === 'object' && !Array.isArray(schema) && schema.type === 'object') closed.set(name, { ...schema, additionalProperties: false })
  }
  const profile = validatorFor(closed)
  return { core, profile }
}
