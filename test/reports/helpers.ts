// Shared by the report tests (tap runs only *.test.ts): a stack on a fixed day, HTTP helpers for
// the report routes, and an RFC 4180 reader written independently of the gateway's CSV writer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import { composeSupergraph } from '../../scripts/compose.ts'
import type { SubgraphName } from '../../subgraphs/common/config.ts'
import { startTestStack, type TestStack } from '../helpers/stack.ts'

/** The day the stack lives on: after every seeded progress report (the last is 2026-01-31). */
export const TODAY = new Date('2026-06-01T09:00:00Z')

/**
 * The supergraph of the SDLs in schema/, written to a temporary file: the gateway then serves
 * exactly what the subgraphs in this checkout serve.
 */
export function composedSupergraph(t: Test): string {
  const result = composeSupergraph()
  if ('errors' in result) throw new Error(`composition failed: ${result.errors.join('; ')}`)
  const dir = mkdtempSync(join(tmpdir(), 'coea-reports-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'supergraph.graphql')
  writeFileSync(file, result.supergraphSdl)
  return file
}

export interface ReportResponse {
  status: number
  headers: Headers
  text: string
  /** The parsed body when it is JSON. */
  json: any
}

export interface ReportClient {
  stack: TestStack
  baseUrl: string
  tokens: { secretariat: string; admin: string; government: string; techCompany: string; civilSociety: string; unAgency: string }
  request(method: string, path: string, token?: string, body?: unknown): Promise<ReportResponse>
}

export async function startReportStack(t: Test, names: readonly SubgraphName[], env: NodeJS.ProcessEnv = {}): Promise<ReportClient> {
  const stack = await startTestStack(t, { names, clock: () => TODAY, env: { SUPERGRAPH: composedSupergraph(t), ...env } })
  const baseUrl = stack.gatewayUrl.replace(/\/graphql$/, '')
  const tokens = {
    secretariat: await stack.token({ role: 'secretariat', org: 'asean-secretariat', sub: 'analyst@asean.example.org' }),
    admin: await stack.token({ role: 'admin', sub: 'admin@example.org' }),
    government: await stack.token({ role: 'government', org: 'th-msdhs', country: 'TH' }),
    techCompany: await stack.token({ role: 'tech_company', org: 'meta', verified: true }),
    civilSociety: await stack.token({ role: 'civil_society', org: 'aple-cambodia' }),
    unAgency: await stack.token({ role: 'un_agency', org: 'unicef-eapro' }),
  }
  return { stack, baseUrl, tokens, request: (method, path, token, body) => send(baseUrl, method, path, token, body) }
}

export async function send(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<ReportResponse> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  // ignoreBOM keeps a byte-order mark in the text (fetch's text() would drop it unseen).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

/** RFC 4180: fields split by commas, records by CRLF; quoted fields may hold commas, CRLF and "" for ". */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += c
  }
  if (field !== '' || record.length) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** CSV text (after its byte-order mark) as objects keyed by the header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''))
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!])))
}
