// An HSDS import: validate every record against the HSDS 3.0 schemas with this directory's
// profile (draft 2020-12), then write organizations first and services after them through the
// gateway's GraphQL mutations, record by record, so one refused record never stops the rest.
// Every record ends with an outcome; rejected ones carry every reason found.
import type { Client } from './client.ts'
import { loadDirectory, partnerByHsdsId } from './directory.ts'
import { importOrganization } from './organizations.ts'
import { str, type ImportContext, type Outcome } from './outcome.ts'
import { isService, type SourceRecord } from './read.ts'
import { profileSchemas, validatorFor } from './schemas.ts'
import { importService } from './services.ts'

export interface ImportOptions {
  records: SourceRecord[]
  client: Client
  /** Validate and match, but write nothing. */
  dryRun?: boolean
  /** `source` for records that do not say where they come from. */
  source: string
  /** Folder of the HSDS 3.0 schema files (default: see schemas.ts). */
  schemaDir?: string
}

interface Candidate {
  type: 'organization' | 'service'
  where: string
  value: Record<string, unknown>
  /** Position in the file, so outcomes are listed in file order. */
  order: number
}

type Ordered = [number, Outcome]

function candidates(records: SourceRecord[]): { accepted: Candidate[]; refused: Ordered[] } {
  const accepted: Candidate[] = []
  const refused: Ordered[] = []
  records.forEach((r, order) => {
    const v = r.value
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      refused.push([order, { type: 'service', where: r.where, status: 'rejected', reasons: ['not a JSON object: each record must be an HSDS service or organization'] }])
      return
    }
    const value = v as Record<string, unknown>
    if (isService(value)) {
      const org = value.organization
      if (org && typeof org === 'object' && !Array.isArray(org)) accepted.push({ type: 'organization', where: `${r.where} (its organization)`, value: org as Record<string, unknown>, order })
      accepted.push({ type: 'service', where: r.where, value, order })
    } else accepted.push({ type: 'organization', where: r.where, value, order })
  })
  return { accepted, refused }
}

export async function importHsds(options: ImportOptions): Promise<Outcome[]> {
  const validator = validatorFor(profileSchemas(options.schemaDir))
  const { accepted, refused } = candidates(options.records)
  const outcomes: Ordered[] = [...refused]
  const valid: Candidate[] = []
  const seen = new Map<string, Candidate>()
  for (const c of accepted) {
    const id = String(c.value.id ?? '').toLowerCase()
    const first = seen.get(`${c.type}:${id}`)
    // The same organization embedded in many services is one record, imported once.
    if (first && c.type === 'organization' && c.where.endsWith('(its organization)')) continue
    const base = { type: c.type, where: c.where, hsdsId: id || undefined, name: str(c.value.name) }
    if (first) {
      outcomes.push([c.order, { ...base, status: 'rejected', reasons: [`id: the same ${c.type} id as ${first.where}`] }])
      continue
    }
    const errors = validator.validate(`${c.type}.json`, c.value)
    if (errors.length) {
      outcomes.push([c.order, { ...base, status: 'rejected', reasons: errors.map((e) => `HSDS schema: ${e}`) }])
      continue
    }
    seen.set(`${c.type}:${id}`, c)
    valid.push(c)
  }
  const dir = await loadDirectory(options.client)
  const ctx: ImportContext = { client: options.client, dir, dryRun: options.dryRun ?? false, source: options.source, organizations: new Map() }
  for (const c of valid.filter((c) => c.type === 'organization')) outcomes.push([c.order, await importOrganization(ctx, c.value, c.where)])
  for (const c of valid.filter((c) => c.type === 'service')) {
    const orgId = String(c.value.organization_id ?? '').toLowerCase()
    const known = !ctx.organizations.has(orgId) && partnerByHsdsId(dir, orgId)
    if (known) ctx.organizations.set(orgId, { id: known.id, kind: known.kind })
    outcomes.push([c.order, await importService(ctx, c.value, c.where)])
  }
  // Organizations are written first, but the report follows the file (a stable sort).
  return outcomes.sort((a, b) => a[0] - b[0]).map(([, o]) => o)
}

export function summary(outcomes: Outcome[]): string[] {
  const lines: string[] = []
  for (const type of ['organization', 'service'] as const) {
    const mine = outcomes.filter((o) => o.type === type)
    const count = (s: Outcome['status']) => mine.filter((o) => o.status === s).length
    lines.push(
      `${type}s: ${mine.length} read, ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ` +
        `${count('not importable yet')} not importable yet, ${count('rejected')} rejected`,
    )
  }
  for (const o of outcomes.filter((o) => o.status === 'rejected' || o.status === 'not importable yet' || o.warnings?.length)) {
    const label = `${o.status.toUpperCase()} ${o.type} ${o.where}${o.hsdsId ? ` ${o.hsdsId}` : ''}${o.name ? ` "${o.name}"` : ''}`
    lines.push(`${label}:`, ...o.reasons.map((r) => `  - ${r}`), ...(o.warnings ?? []).map((w) => `  - warning: ${w}`))
  }
  return lines
}
