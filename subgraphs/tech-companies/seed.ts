// Details of the tech companies in the partners registry (same ids), public facts only.
// Law-enforcement request routes are seeded ONLY as marked examples on example.org: a real route
// is entered and verified by people, never by a seed (the table refuses an example elsewhere).
import type { Db } from '../common/db.ts'
import { seedRows } from '../common/seed.ts'
import type { PlatformKind } from './repository.ts'

interface CompanySeed {
  id: string
  memberships: string[]
  /** Only where the address is certain. */
  transparencyReportUrl?: string
  platforms: Array<[name: string, kind: PlatformKind]>
  exampleRoute?: boolean
}

// Tech Coalition membership as in the partners registry (source: Tech Coalition member list).
const companies: CompanySeed[] = [
  { id: 'tech-coalition', memberships: [], platforms: [] },
  {
    id: 'meta',
    memberships: ['Tech Coalition'],
    transparencyReportUrl: 'https://transparency.meta.com',
    platforms: [['Facebook', 'SOCIAL_NETWORK'], ['Instagram', 'SOCIAL_NETWORK'], ['Messenger', 'MESSAGING'], ['WhatsApp', 'MESSAGING']],
    exampleRoute: true,
  },
  {
    id: 'google',
    memberships: ['Tech Coalition'],
    transparencyReportUrl: 'https://transparencyreport.google.com',
    platforms: [['Google Search', 'SEARCH'], ['YouTube', 'VIDEO'], ['Google Drive', 'CLOUD']],
    exampleRoute: true,
  },
  { id: 'tiktok', memberships: ['Tech Coalition'], platforms: [['TikTok', 'VIDEO']], exampleRoute: true },
  {
    id: 'microsoft',
    memberships: ['Tech Coalition'],
    platforms: [['Bing', 'SEARCH'], ['LinkedIn', 'SOCIAL_NETWORK'], ['OneDrive', 'CLOUD'], ['Xbox', 'GAMING']],
    exampleRoute: true,
  },
]

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-')

export async function seed(db: Db): Promise<void> {
  await seedRows(
    db,
    'tech_companies.company',
    companies.map((c) => ({ id: c.id, memberships: c.memberships, transparency_report_url: c.transparencyReportUrl ?? null })),
  )
  await seedRows(
    db,
    'tech_companies.platform',
    companies.flatMap((c) => c.platforms.map(([name, kind]) => ({ id: `${c.id}-${slug(name)}`, company_id: c.id, name, kind }))),
  )
  await seedRows(
    db,
    'tech_companies.law_enforcement_route',
    companies
      .filter((c) => c.exampleRoute)
      .map((c) => ({
        company_id: c.id,
        url: `https://example.org/law-enforcement/${c.id}`,
        email: `law-enforcement-${c.id}@example.org`,
        note: 'Example only: not a real escalation route.',
        example: true,
        source: 'Example data',
        verified_at: null,
      })),
    'company_id',
  )
}
