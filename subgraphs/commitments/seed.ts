// Reference data (the plans, their focus areas, the MNR capabilities) and a few ILLUSTRATIVE
// commitments so that every query and report has something to show. The commitments are not
// real pledges: their titles say so and their source is "illustrative seed".
import type { Db, Queryable } from '../common/db.ts'
import { seedRows, t } from '../common/seed.ts'
import { deriveStatus } from './status.ts'

export const ILLUSTRATIVE = 'illustrative seed'
const PLAN_2021 = 'rpa-coea-2021-2025'
const RPA = 'Regional Plan of Action for the Protection of Children from All Forms of Online Exploitation and Abuse in ASEAN'

const plans = [
  {
    code: PLAN_2021,
    titles: t({ en: `${RPA} (2021-2025)` }),
    period_start: '2021-01-01',
    period_end: '2025-12-31',
    status: 'ADOPTED',
    milestones: [
      { when: '2019-11', event: 'Proposed in Thailand, as the Declaration was adopted at the 35th ASEAN Summit, Bangkok' },
      { when: '2021-10', event: 'Taken up at the ASEAN Summit hosted by Brunei Darussalam' },
      { when: '2022-02-14', event: 'Launched online' },
    ],
    source: 'ASEAN RPA COEA 2021-2025; launch of 14 February 2022',
  },
  {
    code: 'rpa-coea-2026-2030',
    titles: t({ en: `${RPA} (2026-2030)` }),
    period_start: '2026-01-01',
    period_end: '2030-12-31',
    status: 'PRESENTED',
    milestones: [
      { when: '2025-11', event: 'Renewed plan presented' },
      { when: '2026', event: 'Adoption expected' },
    ],
    source: 'ASEAN: renewed plan presented in November 2025',
  },
]

// English is the plan's own wording. Thai, Vietnamese and Indonesian are plain translations,
// given only where the wording is unambiguous; the others fall back to English.
const focusAreas: Record<string, string>[] = [
  { en: 'Legal and policy framework', th: 'กรอบกฎหมายและนโยบาย', vi: 'Khung pháp lý và chính sách', id: 'Kerangka hukum dan kebijakan' },
  { en: 'Capacity of law enforcement, the judiciary and legal professionals', id: 'Kapasitas aparat penegak hukum, lembaga peradilan, dan profesi hukum' },
  { en: 'National specialised investigation units', vi: 'Các đơn vị điều tra chuyên trách cấp quốc gia', id: 'Unit investigasi khusus nasional' },
  { en: 'Support for child victims', th: 'การช่วยเหลือเด็กที่ตกเป็นผู้เสียหาย', vi: 'Hỗ trợ trẻ em là nạn nhân', id: 'Dukungan bagi anak korban' },
  { en: 'Data collection and monitoring, reporting and referral', th: 'การเก็บรวบรวมข้อมูลและการติดตาม การรายงาน และการส่งต่อ', id: 'Pengumpulan data serta pemantauan, pelaporan, dan rujukan' },
  { en: 'National education programs and awareness raising', vi: 'Chương trình giáo dục quốc gia và nâng cao nhận thức', id: 'Program pendidikan nasional dan peningkatan kesadaran' },
  { en: 'Private-sector engagement and stakeholder collaboration', th: 'การมีส่วนร่วมของภาคเอกชนและความร่วมมือกับผู้มีส่วนได้ส่วนเสีย', vi: 'Sự tham gia của khu vực tư nhân và hợp tác giữa các bên liên quan', id: 'Keterlibatan sektor swasta dan kolaborasi pemangku kepentingan' },
]

// WeProtect Model National Response (2016): 21 capabilities in 6 domains, in the document's order.
const mnr: [string, string][] = [
  ['POLICY_AND_GOVERNANCE', 'Leadership'],
  ['POLICY_AND_GOVERNANCE', 'Research, Analysis and Monitoring'],
  ['POLICY_AND_GOVERNANCE', 'Legislation'],
  ['CRIMINAL_JUSTICE', 'Dedicated Law Enforcement'],
  ['CRIMINAL_JUSTICE', 'Judiciary and Prosecutors'],
  ['CRIMINAL_JUSTICE', 'Offender Management Process'],
  ['CRIMINAL_JUSTICE', 'Access to Image Databases'],
  ['VICTIM', 'End-to-end Support'],
  ['VICTIM', 'Child Protection Workforce'],
  ['VICTIM', 'Compensation, Remedies and Complaints Arrangements'],
  ['VICTIM', 'Child Helpline'],
  ['SOCIETAL', 'CSEA Hotline'],
  ['SOCIETAL', 'Education Programme'],
  ['SOCIETAL', 'Child Participation'],
  ['SOCIETAL', 'Offender Support Systems'],
  ['INDUSTRY', 'Takedown Procedures'],
  ['INDUSTRY', 'CSEA Reporting'],
  ['INDUSTRY', 'Innovative Solution Development'],
  ['INDUSTRY', 'Corporate Social Responsibility'],
  ['MEDIA_AND_COMMUNICATIONS', 'Ethical and Informed Media Reporting'],
  ['MEDIA_AND_COMMUNICATIONS', 'Universal Terminology'],
]

/** Plans, focus areas and MNR capabilities: what the reports and filters refer to. */
export async function seedReference(db: Queryable): Promise<void> {
  await seedRows(db, 'commitments.plan', plans, 'code')
  await seedRows(
    db,
    'commitments.focus_area',
    focusAreas.map((labels, i) => ({ code: `rpa-2021-${i + 1}`, plan: PLAN_2021, number: i + 1, labels: t(labels) })),
    'code',
  )
  await seedRows(
    db,
    'commitments.mnr_capability',
    mnr.map(([domain, en], i) => ({ code: `MNR-${i + 1}`, number: i + 1, domain, labels: t({ en }) })),
    'code',
  )
}

interface Example {
  partner: string
  area: number
  mnr?: number
  countries: string[]
  what: string
  pledged: string
  target?: string
  updates: [date: string, percent: number][]
  lapsedOn?: string
}

// Partner ids are the partners subgraph's seeded ids. Every entry is invented for illustration.
const examples: Example[] = [
  { partner: 'th-msdhs', area: 1, mnr: 3, countries: ['TH'], what: 'review national law on online child sexual exploitation and abuse', pledged: '2022-03-01', target: '2024-12-31', updates: [['2022-09-30', 25], ['2023-06-30', 60], ['2024-11-30', 100]] },
  { partner: 'th-rtp-ticac', area: 3, mnr: 4, countries: ['TH'], what: 'train specialised online child-abuse investigators', pledged: '2022-06-01', target: '2025-12-31', updates: [['2023-01-15', 20], ['2024-07-01', 55]] },
  { partner: 'ph-doj-occ', area: 2, mnr: 5, countries: ['PH'], what: 'train prosecutors and judges on digital evidence', pledged: '2022-05-01', updates: [['2023-03-31', 30], ['2025-03-31', 70]] },
  { partner: 'ph-cwc', area: 4, mnr: 11, countries: ['PH'], what: 'extend child helpline channels', pledged: '2023-01-10', target: '2025-06-30', updates: [['2023-10-21', 50], ['2025-06-30', 100]] },
  { partner: 'ecpat-philippines', area: 5, mnr: 12, countries: ['PH'], what: 'publish hotline report statistics', pledged: '2021-06-01', updates: [['2021-12-01', 100]] },
  { partner: 'my-kpwkm', area: 5, mnr: 2, countries: ['MY'], what: 'build a referral data dashboard', pledged: '2023-04-01', updates: [] },
  { partner: 'vn-mps-cyber', area: 3, mnr: 4, countries: ['VN'], what: 'set up provincial investigation teams', pledged: '2022-08-01', target: '2024-06-30', updates: [['2023-02-01', 10]], lapsedOn: '2024-07-01' },
  { partner: 'id-kemenpppa', area: 6, mnr: 13, countries: ['ID'], what: 'run a school awareness programme', pledged: '2022-02-14', updates: [['2022-12-31', 40], ['2024-12-31', 80]] },
  { partner: 'unicef-eapro', area: 7, mnr: 19, countries: ['KH', 'LA', 'MM'], what: 'convene industry and government on child online protection', pledged: '2022-02-14', updates: [['2022-12-01', 20], ['2023-12-01', 40], ['2024-12-01', 60], ['2025-12-01', 80]] },
  { partner: 'meta', area: 7, mnr: 17, countries: ['TH', 'PH', 'ID', 'VN'], what: 'improve reporting routes to national hotlines', pledged: '2023-09-01', updates: [] },
  { partner: 'sg-msf', area: 4, mnr: 8, countries: ['SG'], what: 'publish a victim support pathway', pledged: '2021-09-01', updates: [], lapsedOn: '2023-12-31' },
  { partner: 'la-lyu', area: 4, mnr: 11, countries: ['LA'], what: 'add counselling languages to the helpline', pledged: '2024-03-01', updates: [['2024-09-01', 35]] },
  { partner: 'tl-mssi', area: 4, mnr: 9, countries: ['TL'], what: 'train child protection officers on online abuse', pledged: '2025-11-15', updates: [['2026-01-31', 10]] },
]

const exampleId = (e: Example, i: number) => `illustrative-${i + 1}-${e.partner}`

export async function seed(db: Db): Promise<void> {
  await seedReference(db)
  await seedRows(
    db,
    'commitments.commitment',
    examples.map((e, i) => ({
      id: exampleId(e, i),
      partner_id: e.partner,
      plan: PLAN_2021,
      focus_area: `rpa-2021-${e.area}`,
      mnr_capability: e.mnr ? `MNR-${e.mnr}` : null,
      countries: e.countries,
      titles: t({ en: `Illustrative example, not a real pledge: ${e.what}` }),
      pledged_on: e.pledged,
      target_date: e.target ?? null,
      ...deriveStatus(e.updates, e.lapsedOn),
      source: ILLUSTRATIVE,
      updated_by: 'seed',
    })),
  )
  await seedRows(
    db,
    'commitments.progress_update',
    examples.flatMap((e, i) =>
      e.updates.map(([date, percent], n) => ({
        id: `${exampleId(e, i)}-${n + 1}`,
        commitment_id: exampleId(e, i),
        date,
        percent,
        note: `Illustrative progress note ${n + 1} (example data, not a real report).`,
        author: ILLUSTRATIVE,
        author_role: 'admin',
        recorded_at: `${date}T00:00:00Z`,
      })),
    ),
  )
}
