// Programs and network memberships of the partners in the domain facts (confidence H or M),
// public facts only, each contact with its source. Owners are partner ids from the partners seed.
import type { Db } from '../common/db.ts'
import { normalisePhone } from '../common/phones.ts'
import { seedRows, t } from '../common/seed.ts'
import type { OwnerKind } from './repository.ts'
import { searchText } from './search.ts'

const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL']
const VERIFIED_AT = '2026-03-01T00:00:00Z'
const fa = (...n: number[]) => n.map((i) => `rpa-2021-${i}`)

interface Seed {
  id: string
  owner: string
  kind?: OwnerKind
  titles: Record<string, string>
  descriptions: Record<string, string>
  countries: string[]
  focus: string[]
  harms?: string[]
  audiences: string[]
  startsOn?: string
  website?: string
  phone?: string
  source: string
}

const programs: Seed[] = [
  {
    id: 'kh-internet-hotline-cambodia', owner: 'aple-cambodia',
    titles: { en: 'Internet Hotline Cambodia' },
    descriptions: { en: "Anonymous reports of child sexual abuse material and online child sexual exploitation, by web form and phone. An INHOPE member hotline run by APLE Cambodia, set up in 2015 with INHOPE Foundation support and launched in 2016; it works with the Ministry of Interior's Anti-Cyber Crime Department and with INHOPE hotlines abroad." },
    countries: ['KH'], focus: fa(5), harms: ['csam', 'grooming', 'sextortion', 'self-generated', 'livestream', 'sexualised-cyberbullying'],
    audiences: ['CHILDREN', 'PARENTS'], website: 'https://internethotlinecambodia.org', phone: '+855 92 311 511',
    source: 'aplecambodia.org; internethotlinecambodia.org (H)',
  },
  {
    id: 'ph-eprotectkids-hotline', owner: 'ecpat-philippines',
    titles: { en: 'eProtectKids CSAEM Hotline' },
    descriptions: { en: "ECPAT Philippines' hotline for reports of child sexual abuse or exploitation material (CSAEM, the term of Philippine law). An INHOPE member since 1 December 2020; memorandum of understanding with DICT-CICC signed on 13 October 2020." },
    countries: ['PH'], focus: fa(5), harms: ['csam'], audiences: ['CHILDREN', 'PARENTS'], website: 'https://ecpat.org.ph',
    source: 'inhope.org; ecpat.org.ph (H)',
  },
  {
    id: 'th-saidek-1387', owner: 'childline-thailand',
    titles: { en: 'Saidek 1387 child helpline', th: 'สายเด็ก 1387' },
    descriptions: {
      en: 'Free helpline for children and young people under 18, open 24 hours a day. Started in 2003 by the Puenkaew Child Friendly Association with UNICEF and now run by the Childline Thailand Foundation, a founding member of Child Helpline International. About 150,000 calls a year.',
      th: 'สายด่วนสำหรับเด็กและเยาวชนอายุต่ำกว่า 18 ปี โทรฟรี ตลอด 24 ชั่วโมง',
    },
    countries: ['TH'], focus: fa(4, 5), audiences: ['CHILDREN'], website: 'https://childlinethailand.org', phone: '1387',
    source: 'Child Helpline International; childlinethailand.org (H)',
  },
  {
    id: 'kh-child-helpline-1280', owner: 'child-helpline-cambodia',
    titles: { en: 'Child Helpline Cambodia 1280' },
    descriptions: { en: 'Free helpline for children and young people up to 25, by call or SMS to 1280; open 24 hours a day since 2 March 2013.' },
    countries: ['KH'], focus: fa(4), audiences: ['CHILDREN'], website: 'https://childhelplinecambodia.org', phone: '1280',
    source: 'childhelplinecambodia.org (H)',
  },
  {
    id: 'la-lyu-1554', owner: 'la-lyu',
    titles: { en: 'Lao Youth Union counselling line 1554' },
    descriptions: { en: 'Toll-free counselling line, open 24 hours a day, 7 days a week, also in Hmong; supported by UNICEF.' },
    countries: ['LA'], focus: fa(4), audiences: ['CHILDREN'], phone: '1554',
    source: 'UNICEF Laos, June 2022 (H)',
  },
  {
    id: 'la-lwu-counselling-centre', owner: 'la-lwu',
    titles: { en: 'Counselling and Protection Centre for Women and Children' },
    descriptions: { en: "The Lao Women's Union's centre in Vientiane: counselling, protection and shelter for women and children. The shelter opened in January 2006." },
    countries: ['LA'], focus: fa(4), audiences: ['CHILDREN'],
    source: "Lao Women's Union; UNFPA Laos (H)",
  },
  {
    id: 'id-iwf-reporting-portal', owner: 'ecpat-indonesia',
    titles: { en: 'IWF reporting portal for Indonesia' },
    descriptions: { en: "The Internet Watch Foundation's Indonesian-language portal for anonymous reports of child sexual abuse imagery online, launched with ECPAT Indonesia on 19 June 2020." },
    countries: ['ID'], focus: fa(5), harms: ['csam'], audiences: ['CHILDREN', 'PARENTS'], startsOn: '2020-06-19', website: 'https://report.iwf.org.uk/id',
    source: 'Internet Watch Foundation (H)',
  },
  {
    id: 'asean-ict-forum-support', owner: 'unicef-eapro', kind: 'UN_AGENCY',
    titles: { en: 'Support to the annual ASEAN ICT Forum on child online protection' },
    descriptions: { en: 'Support to the yearly meeting of industry and governments that focus area 7 of the ASEAN Regional Plan of Action calls for, held every year since 2022.' },
    countries: ASEAN, focus: fa(7), audiences: ['INDUSTRY', 'POLICYMAKERS'], website: 'https://www.unicef.org/eap',
    source: 'ASEAN RPA COEA launch; UNICEF EAPRO (H)',
  },
]

const memberships = [
  { member_id: 'aple-cambodia', network_id: 'ecpat-international', source: 'ECPAT International national members (H)' },
  { member_id: 'ecpat-philippines', network_id: 'ecpat-international', source: 'ECPAT International national members (H)' },
  { member_id: 'ecpat-indonesia', network_id: 'ecpat-international', source: 'ECPAT International national members (H)' },
  { member_id: 'aple-cambodia', network_id: 'inhope', note: 'Through Internet Hotline Cambodia, set up in 2015 with INHOPE Foundation support', source: 'aplecambodia.org; internethotlinecambodia.org (H)' },
  { member_id: 'ecpat-philippines', network_id: 'inhope', joined_on: '2020-12-01', note: 'Through the eProtectKids CSAEM Hotline', source: 'inhope.org (H)' },
  { member_id: 'th-ifdt', network_id: 'inhope', note: 'Through ThaiHotline, founded in 2008', source: 'thaihotline.org (H)' },
  { member_id: 'childline-thailand', network_id: 'child-helpline-international', joined_year: 2003, note: 'Founding member, through Saidek 1387', source: 'Child Helpline International (H)' },
]

function phone(raw: string | undefined, country: string) {
  if (!raw) return null
  const result = normalisePhone(raw, country)
  if (typeof result === 'string') throw new Error(`seed phone ${raw}: ${result}`)
  return result
}

export async function seed(db: Db): Promise<void> {
  await seedRows(
    db,
    'civil_society.program',
    programs.map((p) => {
      const titles = t(p.titles)
      const descriptions = t(p.descriptions)
      const hasContacts = Boolean(p.website || p.phone)
      return {
        id: p.id,
        owner_id: p.owner,
        owner_kind: p.kind ?? 'CIVIL_SOCIETY',
        titles,
        descriptions,
        countries: p.countries,
        focus_areas: p.focus,
        harm_types: p.harms ?? [],
        audiences: p.audiences,
        status: 'ACTIVE',
        starts_on: p.startsOn ?? null,
        website: p.website ?? null,
        phone: phone(p.phone, p.countries[0]!),
        contacts_source: p.source,
        contacts_verified_at: hasContacts ? VERIFIED_AT : null,
        search_text: searchText([...titles, ...descriptions]),
        updated_by: 'seed',
      }
    }),
  )
  await seedRows(
    db,
    'civil_society.membership',
    memberships.map((m) => ({ joined_on: null, joined_year: null, note: null, ...m, verified_at: VERIFIED_AT })),
    'member_id, network_id',
  )
}
