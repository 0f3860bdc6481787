// Details of the UN agencies in the partners registry (same ids) and the technical assistance
// the domain facts report for them (confidence H or M). Where a source gives no exact date or no
// current status, the record says so instead of guessing.
import type { Db } from '../common/db.ts'
import { seedRows, t } from '../common/seed.ts'

// The member states when the 2021-2025 plan was written; Timor-Leste joined on 26 October 2025.
const RPA_2021_MEMBERS = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN']
const fa = (...n: number[]) => n.map((i) => `rpa-2021-${i}`)

const agencies = [
  {
    id: 'unicef-eapro',
    parent_organisation: 'UNICEF',
    mandates: t({ en: 'UNICEF’s regional office for East Asia and the Pacific, in Bangkok. Gives technical support to the ASEAN Regional Plan of Action on child online exploitation and abuse as a member of its technical working group, and supports the annual ASEAN ICT Forum on child online protection.' }),
    mandate_source: 'ASEAN RPA COEA launch, 14 Feb 2022; facts: regional and international partners (H)',
  },
  {
    id: 'unodc',
    parent_organisation: 'United Nations',
    mandates: t({ en: 'United Nations Office on Drugs and Crime; its cybercrime and cryptocurrency programme was presented at the launch of the Regional Plan of Action.' }),
    mandate_source: 'ASEAN RPA COEA launch (M)',
  },
]

type Status = 'ONGOING' | 'COMPLETED' | 'NOT_CONFIRMED'
interface ProjectSeed {
  id: string
  agency: string
  title: Record<string, string>
  summary: Record<string, string>
  countries: string[]
  focus: string[]
  status: Status
  source: string
}

const projects: ProjectSeed[] = [
  {
    id: 'unicef-eapro-rpa-technical-support',
    agency: 'unicef-eapro',
    title: { en: 'Technical support to the ASEAN Regional Plan of Action on child online exploitation and abuse (2021-2025)' },
    summary: { en: 'Technical support to the Regional Plan of Action (2021-2025, launched on 14 February 2022), as a member of its technical working group with ECPAT International and the ASEAN Secretariat. The plan period has ended; a renewed plan for 2026-2030 was presented in November 2025, and support to it is not yet recorded.' },
    countries: RPA_2021_MEMBERS,
    focus: fa(1, 2, 3, 4, 5, 6, 7),
    status: 'NOT_CONFIRMED',
    source: 'ASEAN RPA COEA launch, 14 Feb 2022; facts: regional and international partners (H)',
  },
  {
    id: 'unicef-eapro-asean-ict-forum',
    agency: 'unicef-eapro',
    title: { en: 'Annual ASEAN ICT Forum on child online protection' },
    summary: { en: 'The yearly industry-government meeting that focus area 7 of the Regional Plan of Action calls for, held every year since 2022 with UNICEF support. The 2024 forum was held in Cambodia.' },
    countries: RPA_2021_MEMBERS,
    focus: fa(7),
    status: 'ONGOING',
    source: 'ASEAN RPA COEA; facts: regional and international partners (H)',
  },
  {
    id: 'unicef-lao-1554-support',
    agency: 'unicef-eapro',
    title: { en: 'Support to the Lao Youth Union counselling line 1554' },
    summary: { en: 'UNICEF support to the Lao Youth Union’s counselling line 1554: toll-free, 24/7, and also in Hmong. Reported in June 2022.' },
    countries: ['LA'],
    focus: fa(4),
    status: 'NOT_CONFIRMED',
    source: 'UNICEF Laos, June 2022 (H)',
  },
  {
    id: 'unicef-vientiane-essential-services-directory',
    agency: 'unicef-eapro',
    title: { en: 'National Directory of Essential Services for Children and Youth (Vientiane Capital)' },
    summary: { en: 'A directory of essential services for children and youth, made by the Lao Women’s Union of Vientiane Capital with UNICEF, UNFPA and World Vision.' },
    countries: ['LA'],
    focus: fa(4, 5),
    status: 'NOT_CONFIRMED',
    source: 'UNFPA Laos (H)',
  },
  {
    id: 'unodc-cybercrime-cryptocurrency',
    agency: 'unodc',
    title: { en: 'Cybercrime and cryptocurrency programme' },
    summary: { en: 'UNODC programme on cybercrime and cryptocurrency, presented at the launch of the Regional Plan of Action on 14 February 2022. The countries it covers are not recorded.' },
    countries: [],
    focus: fa(2, 3),
    status: 'NOT_CONFIRMED',
    source: 'ASEAN RPA COEA launch (M)',
  },
]

export async function seed(db: Db): Promise<void> {
  await seedRows(db, 'un_agencies.agency', agencies)
  await seedRows(
    db,
    'un_agencies.project',
    projects.map((p) => ({
      id: p.id, agency_id: p.agency, titles: t(p.title), summaries: t(p.summary), countries: p.countries,
      focus_areas: p.focus, started_on: null, ended_on: null, status: p.status, source: p.source,
    })),
  )
}
