// Real, well-known public documents named in the domain facts, with their publishers' partner
// ids (subgraphs/partners/seed.ts) and real titles. A URL is given only where the address is
// confirmed, a date only where the day is known, and languages only where they are known.
import type { Db } from '../common/db.ts'
import { isId } from '../common/ids.ts'
import { seedRows, t } from '../common/seed.ts'
import { Validator } from '../common/validate.ts'

type Kind = 'TOOLKIT' | 'RESEARCH' | 'TRAINING' | 'CAMPAIGN' | 'POLICY' | 'GUIDELINE'
type Audience = 'CHILDREN' | 'PARENTS' | 'TEACHERS' | 'LAW_ENFORCEMENT' | 'INDUSTRY' | 'POLICYMAKERS'

/** When the seed facts were checked (the recorded copies of public pages, 2026). */
export const VERIFIED_AT = '2026-03-01T00:00:00Z'

// The member states when the 2019 Declaration and the 2021-2025 plan were adopted (before Timor-Leste).
const ASEAN_2019 = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN']
const fa = (...n: number[]) => n.map((i) => `rpa-2021-${i}`)

interface Seed {
  id: string
  kind: Kind
  titles: Record<string, string>
  summaries?: Record<string, string>
  url?: string
  languages: string[]
  audiences: Audience[]
  focus: string[]
  harms?: string[]
  countries?: string[]
  publisher: string
  copublishers?: string[]
  /** YYYY-MM-DD when the day is known. */
  on?: string
  year?: number
  source: string
}

const DH_SUMMARY =
  'National evidence on online child sexual exploitation and abuse from ECPAT, INTERPOL and the UNICEF Office of Research – Innocenti, funded by the Global Partnership to End Violence against Children (Safe Online).'

const disruptingHarm = (code: string, country: string, extra: Partial<Seed> = {}): Seed => ({
  id: `disrupting-harm-${code.toLowerCase()}`,
  kind: 'RESEARCH',
  titles: { en: `Disrupting Harm in ${country}: Evidence on online child sexual exploitation and abuse` },
  summaries: { en: DH_SUMMARY },
  languages: ['en'],
  audiences: ['POLICYMAKERS', 'LAW_ENFORCEMENT'],
  focus: fa(1, 5),
  harms: ['csam', 'grooming', 'sextortion', 'nci-sharing'],
  countries: [code],
  publisher: 'ecpat-international',
  copublishers: ['interpol'],
  year: 2022,
  source: 'ecpat.org/disrupting-harm; UNICEF Office of Research – Innocenti (H)',
  ...extra,
})

const resources: Seed[] = [
  {
    id: 'luxembourg-guidelines',
    kind: 'GUIDELINE',
    titles: { en: 'Terminology Guidelines for the Protection of Children from Sexual Exploitation and Sexual Abuse (Luxembourg Guidelines)' },
    summaries: { en: 'Terms and definitions agreed by an 18-member Interagency Working Group coordinated by ECPAT, adopted in Luxembourg; they prefer "child sexual abuse material" to "child pornography".' },
    url: 'https://ecpat.org/luxembourg-guidelines/',
    languages: ['en'],
    audiences: ['POLICYMAKERS', 'LAW_ENFORCEMENT'],
    focus: fa(1, 2, 5),
    harms: ['csam', 'grooming', 'sextortion', 'livestream', 'self-generated', 'sectt'],
    publisher: 'ecpat-international',
    on: '2016-06-14',
    source: 'ecpat.org/luxembourg-guidelines; released in Geneva on 14 June 2016 (Better Care Network, ECPAT announcement)',
  },
  disruptingHarm('KH', 'Cambodia'),
  disruptingHarm('ID', 'Indonesia'),
  disruptingHarm('MY', 'Malaysia'),
  disruptingHarm('PH', 'the Philippines', {
    summaries: { en: `${DH_SUMMARY} 20% of internet-using children surveyed were subjected to online sexual exploitation and abuse in the past year, the highest of the 13 countries in the first phase.` },
  }),
  disruptingHarm('TH', 'Thailand', {
    summaries: { en: `${DH_SUMMARY} In the past year, 9% of internet users aged 12-17 in Thailand were subjected to grave instances of online sexual exploitation and abuse.` },
    languages: ['en', 'th'],
    on: '2022-02-21',
    source: 'UNICEF Thailand press release, 21 Feb 2022; ReliefWeb (English and Thai editions) (H)',
  }),
  disruptingHarm('VN', 'Viet Nam', {
    summaries: { en: `${DH_SUMMARY} 1% of internet-using children surveyed were subjected to online sexual exploitation and abuse in the past year.` },
  }),
  {
    id: 'weprotect-model-national-response',
    kind: 'GUIDELINE',
    titles: { en: 'Preventing and Tackling Child Sexual Exploitation and Abuse: A Model National Response' },
    summaries: { en: 'The capabilities a country needs for a coordinated response: 21 capabilities in six domains (policy and governance, criminal justice, victim, societal, industry, media and communications). Launched at the 2015 Abu Dhabi Summit.' },
    languages: ['en'],
    audiences: ['POLICYMAKERS', 'LAW_ENFORCEMENT', 'INDUSTRY'],
    focus: fa(1, 2, 3, 4, 5, 6, 7),
    publisher: 'weprotect',
    year: 2016,
    source: 'WeProtect Global Alliance, November 2016 (H)',
  },
  {
    id: 'weprotect-framing-the-future',
    kind: 'RESEARCH',
    titles: { en: 'Framing the Future' },
    summaries: { en: 'A review, with UNICEF, of how the Model National Response was implemented across 42 Alliance countries in the six years after its launch, with good practice, challenges and future directions.' },
    url: 'https://weprotect.org/framing-the-future',
    languages: ['en'],
    audiences: ['POLICYMAKERS'],
    focus: fa(1, 5),
    publisher: 'weprotect',
    year: 2022,
    source: 'weprotect.org/framing-the-future; launched June 2022 (H)',
  },
  {
    id: 'asean-declaration-coea-2019',
    kind: 'POLICY',
    titles: { en: 'Declaration on the Protection of Children from All Forms of Online Exploitation and Abuse in ASEAN' },
    summaries: { en: 'Adopted by ASEAN leaders at the 35th ASEAN Summit, Bangkok, November 2019.' },
    languages: ['en'],
    audiences: ['POLICYMAKERS'],
    focus: fa(1),
    countries: ASEAN_2019,
    publisher: 'asean-secretariat',
    year: 2019,
    source: 'ASEAN RPA COEA launch; ECPAT International (H)',
  },
  {
    id: 'asean-rpa-coea-2021-2025',
    kind: 'POLICY',
    titles: { en: 'Regional Plan of Action for the Protection of Children from All Forms of Online Exploitation and Abuse in ASEAN (2021-2025)' },
    summaries: { en: 'Implements the 2019 Declaration through seven focus areas; noted at the ASEAN Summit in Brunei in October 2021 and launched online on 14 February 2022. Supplements the ASEAN Regional Plan of Action on the Elimination of Violence against Children.' },
    languages: ['en'],
    audiences: ['POLICYMAKERS', 'LAW_ENFORCEMENT', 'INDUSTRY'],
    focus: fa(1, 2, 3, 4, 5, 6, 7),
    countries: ASEAN_2019,
    publisher: 'asean-secretariat',
    on: '2022-02-14',
    source: 'ASEAN RPA COEA launch, 14 Feb 2022; ECPAT International launch notice (H)',
  },
  {
    id: 'la-directory-essential-services',
    kind: 'TOOLKIT',
    titles: { en: 'National Directory of Essential Services for Children and Youth in Lao PDR' },
    summaries: { en: "First edition, launched by the Vientiane Capital Lao Women's Union with support from UNICEF, UNFPA and World Vision: one place to find health, psychosocial, education, legal and emergency services for rapid referral." },
    languages: [],
    audiences: ['CHILDREN', 'PARENTS'],
    focus: fa(4, 5),
    countries: ['LA'],
    publisher: 'la-lwu',
    source: 'UNFPA Laos (H)',
  },
]

export const RESOURCE_IDS = resources.map((r) => r.id)

function row(r: Seed) {
  const v = new Validator()
  if (!isId(r.id)) v.fail(`${r.id}.id`, 'is not a valid id')
  v.url(`${r.id}.url`, r.url)
  // Stored canonical ("zh-hans-sg" becomes "zh-Hans-SG"), so filters and clients see one spelling.
  const languages = r.languages.map((tag, i) => v.language(`${r.id}.languages.${i}`, tag))
  v.throwIfInvalid()
  return {
    id: r.id,
    kind: r.kind,
    titles: t(r.titles),
    summaries: t(r.summaries ?? {}),
    url: r.url ?? null,
    languages: [...new Set(languages as string[])],
    audiences: r.audiences,
    focus_areas: r.focus,
    harm_types: r.harms ?? [],
    countries: r.countries ?? [],
    publisher: r.publisher,
    copublishers: r.copublishers ?? [],
    published_on: r.on ?? null,
    published_year: r.on ? Number(r.on.slice(0, 4)) : (r.year ?? null),
    source: r.source,
    updated_by: 'seed',
    verified: true,
    verified_at: VERIFIED_AT,
  }
}

export async function seed(db: Db): Promise<void> {
  await seedRows(db, 'resources.resource', resources.map(row))
}
