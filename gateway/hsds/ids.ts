// HSDS identifiers are UUIDs; the directory's ids are readable slugs. Each HSDS id is a UUID v5
// (RFC 9562: SHA-1 over a namespace and a name) of "<kind>:<directory id>" under one fixed
// namespace, so the same record keeps the same HSDS id in every export, on every server, and a
// partner's copy can be matched against ours without a stored mapping.
import { createHash } from 'node:crypto'

/** This directory's namespace. Never change it: every published HSDS id depends on it. */
export const HSDS_NAMESPACE = '6f32800f-7874-4bf7-b8ad-67274c8c2fcf'

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function uuidV5(name: string, namespace = HSDS_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  const bytes = hash.subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50 // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80 // RFC 4122 variant
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** What an HSDS id stands for; the kind keeps a hotline and a program with the same slug apart. */
export type IdKind =
  | 'organization'
  | 'hotline'
  | 'program'
  | 'channel'
  | 'phone'
  | 'contact'
  | 'schedule'
  | 'language'
  | 'service_area'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute'
  | 'metadata'
  | 'organization_identifier'

export const hsdsId = (kind: IdKind, ...parts: string[]) => uuidV5(`${kind}:${parts.join(':')}`)
