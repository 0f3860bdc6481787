// Reads an HSDS 3.0 file: a JSON array, an HSDS Page ({ contents: [...] }), a single object, or
// ndjson (one object a line). Each record keeps where it was found, so every rejection can point
// at the line or position a person has to fix.
import { readFile } from 'node:fs/promises'

export interface SourceRecord {
  /** "line 12" (ndjson) or "item 3" (JSON), counted from 1. */
  where: string
  value: unknown
}

export class ReadError extends Error {
  override name = 'ReadError'
}

export function parseHsds(text: string): SourceRecord[] {
  const trimmed = text.trim()
  if (!trimmed) return []
  let whole: unknown
  try {
    whole = JSON.parse(trimmed)
  } catch {
    return parseNdjson(text)
  }
  if (Array.isArray(whole)) return whole.map((value, i) => ({ where: `item ${i + 1}`, value }))
  if (whole && typeof whole === 'object' && Array.isArray((whole as { contents?: unknown }).contents)) {
    return (whole as { contents: unknown[] }).contents.map((value, i) => ({ where: `contents item ${i + 1}`, value }))
  }
  return [{ where: 'item 1', value: whole }]
}

function parseNdjson(text: string): SourceRecord[] {
  const records: SourceRecord[] = []
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    try {
      records.push({ where: `line ${i + 1}`, value: JSON.parse(line) })
    } catch (err) {
      throw new ReadError(`line ${i + 1} is not JSON (${(err as Error).message}); the file must be a JSON array, an HSDS page or ndjson (one JSON object a line).`)
    }
  })
  return records
}

export async function readHsdsFile(path: string): Promise<SourceRecord[]> {
  return parseHsds(await readFile(path, 'utf8'))
}

/** A service has a status (HSDS requires it) or a link to its organization; an organization has neither. */
export const isService = (v: Record<string, unknown>) => 'status' in v || 'organization_id' in v || 'directory_type' in v
