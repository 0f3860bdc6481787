// The partners named in the domain facts (confidence H or M), with public facts only.
// Other subgraphs refer to these ids.
import type { Db } from '../common/db.ts'
import { seedRows, t } from '../common/seed.ts'

type Kind = 'GOVERNMENT' | 'TECH_COMPANY' | 'CIVIL_SOCIETY' | 'UN_AGENCY'
type Scope = 'NATIONAL' | 'REGIONAL' | 'INTERNATIONAL'

const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL']
const VERIFIED_AT = '2026-03-01T00:00:00Z'
const fa = (...n: number[]) => n.map((i) => `rpa-2021-${i}`)

interface Seed {
  id: string
  kind: Kind
  names: Record<string, string>
  description?: Record<string, string>
  scope?: Scope
  countries: string[]
  hq?: string
  website?: string
  focus: string[]
  source: string
}

const partners: Seed[] = [
  // ASEAN bodies and intergovernmental organisations
  { id: 'asean-secretariat', kind: 'GOVERNMENT', names: { en: 'ASEAN Secretariat', id: 'Sekretariat ASEAN' }, description: { en: 'Coordinates the Regional Plan of Action through the Deputy Secretary-General for the ASEAN Socio-Cultural Community.' }, scope: 'REGIONAL', countries: ASEAN, hq: 'ID', website: 'https://asean.org', focus: fa(1, 5, 7), source: 'ASEAN RPA COEA launch, 14 Feb 2022' },
  { id: 'acwc', kind: 'GOVERNMENT', names: { en: 'ASEAN Commission on the Promotion and Protection of the Rights of Women and Children (ACWC)' }, scope: 'REGIONAL', countries: ASEAN, hq: 'ID', focus: fa(1, 4), source: 'ASEAN RPA COEA' },
  { id: 'somswd', kind: 'GOVERNMENT', names: { en: 'Senior Officials Meeting on Social Welfare and Development (SOMSWD)' }, scope: 'REGIONAL', countries: ASEAN, hq: 'ID', focus: fa(1, 4, 6), source: 'ASEAN RPA COEA' },
  { id: 'somtc', kind: 'GOVERNMENT', names: { en: 'Senior Officials Meeting on Transnational Crime (SOMTC)' }, scope: 'REGIONAL', countries: ASEAN, hq: 'ID', focus: fa(2, 3), source: 'ASEAN RPA COEA technical working group' },
  { id: 'adgsom', kind: 'GOVERNMENT', names: { en: 'ASEAN Digital Senior Officials Meeting (ADGSOM)' }, scope: 'REGIONAL', countries: ASEAN, hq: 'ID', focus: fa(7), source: 'ASEAN RPA COEA technical working group' },
  { id: 'aipa', kind: 'GOVERNMENT', names: { en: 'ASEAN Inter-Parliamentary Assembly (AIPA)' }, scope: 'REGIONAL', countries: ASEAN, hq: 'ID', focus: fa(1), source: 'ASEAN RPA COEA launch' },
  { id: 'interpol', kind: 'GOVERNMENT', names: { en: 'INTERPOL' }, description: { en: 'International Child Sexual Exploitation (ICSE) database; Disrupting Harm.' }, scope: 'INTERNATIONAL', countries: [], hq: 'FR', website: 'https://www.interpol.int', focus: fa(2, 3), source: 'facts: regional and international partners (H)' },
  { id: 'au-esafety', kind: 'GOVERNMENT', names: { en: 'eSafety Commissioner (Australia)' }, scope: 'INTERNATIONAL', countries: ['AU'], hq: 'AU', website: 'https://www.esafety.gov.au', focus: fa(6, 7), source: 'ASEAN RPA COEA launch' },
  // National agencies and specialised units
  { id: 'bn-mcys', kind: 'GOVERNMENT', names: { en: 'Ministry of Culture, Youth and Sports (Brunei Darussalam)', ms: 'Kementerian Kebudayaan, Belia dan Sukan' }, description: { en: 'Runs Talian ANAK 121 through the Community Development Department (JAPEM).' }, countries: ['BN'], focus: fa(4), source: 'Borneo Bulletin; childsafeguarding.com (H)' },
  { id: 'kh-cnp-ahtjpd', kind: 'GOVERNMENT', names: { en: 'Anti-Human Trafficking and Juvenile Protection Department, Cambodian National Police' }, countries: ['KH'], focus: fa(2, 3), source: 'BIK/INHOPE article, 2020 (H)' },
  { id: 'kh-moi-acc', kind: 'GOVERNMENT', names: { en: 'Anti-Cyber Crime Department, Ministry of Interior (Cambodia)' }, countries: ['KH'], focus: fa(3), source: 'CNE 2019 (H)' },
  { id: 'id-kemenpppa', kind: 'GOVERNMENT', names: { en: 'Ministry of Women Empowerment and Child Protection (Indonesia)', id: 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak' }, description: { en: 'Runs the SAPA 129 call centre with Telkom.' }, countries: ['ID'], website: 'https://www.kemenpppa.go.id', focus: fa(4, 5), source: 'detik; IDN Times; Kontan (H)' },
  { id: 'id-kpai', kind: 'GOVERNMENT', names: { en: 'Indonesian Child Protection Commission (KPAI)', id: 'Komisi Perlindungan Anak Indonesia' }, countries: ['ID'], website: 'https://www.kpai.go.id', focus: fa(1, 4), source: 'childsafeguarding.com (M)' },
  { id: 'id-polri-ppa-ppo', kind: 'GOVERNMENT', names: { en: 'Directorate of Crimes against Women and Children and Human Trafficking (Dit PPA-PPO), Bareskrim Polri', id: 'Direktorat Tindak Pidana PPA dan PPO, Bareskrim Polri' }, countries: ['ID'], focus: fa(2, 3), source: 'Perpres 20/2024; medcom; okezone (H)' },
  { id: 'my-kpwkm', kind: 'GOVERNMENT', names: { en: 'Ministry of Women, Family and Community Development (Malaysia)', ms: 'Kementerian Pembangunan Wanita, Keluarga dan Masyarakat' }, description: { en: 'Runs Talian Kasih 15999.' }, countries: ['MY'], focus: fa(4, 5), source: 'Malay Mail; The Star (H)' },
  { id: 'my-pdrm-micac', kind: 'GOVERNMENT', names: { en: 'Malaysian Internet Crime Against Children Investigation Unit (MICAC), PDRM D11', ms: 'Unit Siasatan Jenayah Internet Terhadap Kanak-Kanak (MICAC), PDRM' }, countries: ['MY'], focus: fa(2, 3), source: 'Malay Mail; FMT; Borneo Post (H)' },
  { id: 'mm-dsw', kind: 'GOVERNMENT', names: { en: 'Department of Social Welfare (Myanmar)' }, countries: ['MM'], focus: fa(4), source: 'UNICEF Myanmar 2020 (H)' },
  { id: 'ph-cwc', kind: 'GOVERNMENT', names: { en: 'Council for the Welfare of Children (Philippines)', fil: 'Konseho para sa Kapakanan ng mga Bata' }, description: { en: 'Runs the Makabata Helpline 1383, under DSWD.' }, countries: ['PH'], website: 'https://cwc.gov.ph', focus: fa(4, 5), source: 'Daily Tribune; radyoagila (H)' },
  { id: 'ph-doj-occ', kind: 'GOVERNMENT', names: { en: 'Department of Justice Office of Cybercrime (Philippines)' }, description: { en: 'Receives the NCMEC CyberTipline feed for the Philippines.' }, countries: ['PH'], focus: fa(1, 2, 5), source: 'ASEAN RPA COEA launch (H)' },
  { id: 'ph-picacc', kind: 'GOVERNMENT', names: { en: 'Philippine Internet Crimes Against Children Center (PICACC)' }, description: { en: 'PNP-WCPC, NBI-AHTRAD, Australian Federal Police, UK National Crime Agency and Dutch National Police; IJM as NGO partner. Launched 27 Feb 2019.' }, countries: ['PH'], focus: fa(2, 3), source: 'PNA; IJM; Rappler (H)' },
  { id: 'sg-msf', kind: 'GOVERNMENT', names: { en: 'Ministry of Social and Family Development (Singapore)' }, description: { en: 'Runs the National Anti-Violence and Sexual Harassment Helpline with Montfort Care.' }, countries: ['SG'], website: 'https://www.msf.gov.sg', focus: fa(4), source: 'CNA; Straits Times; MSF (H)' },
  { id: 'th-msdhs', kind: 'GOVERNMENT', names: { en: 'Ministry of Social Development and Human Security (Thailand)', th: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์' }, description: { en: 'Department of Children and Youth; runs the 1300 Prachabodi Social Assistance Centre.', th: 'กรมกิจการเด็กและเยาวชน ศูนย์ช่วยเหลือสังคม สายด่วน 1300' }, countries: ['TH'], focus: fa(1, 4, 5), source: 'ASEAN RPA COEA launch; UNICEF Thailand 2019 (H)' },
  { id: 'th-rtp-ticac', kind: 'GOVERNMENT', names: { en: 'Thailand Internet Crimes Against Children Task Force (TICAC), Royal Thai Police' }, countries: ['TH'], website: 'https://ticac.police.go.th', focus: fa(2, 3), source: 'Bangkok Post; ticac.police.go.th (H)' },
  { id: 'vn-moh', kind: 'GOVERNMENT', names: { en: 'Ministry of Health (Viet Nam)', vi: 'Bộ Y tế' }, description: { en: 'Operator of the National Child Protection Hotline 111 since the 2025 change (previously MOLISA Department of Children).' }, countries: ['VN'], focus: fa(4), source: 'VietnamPlus; Nhân Dân (M for the operator change)' },
  { id: 'vn-mps-cyber', kind: 'GOVERNMENT', names: { en: 'Department of Cyber Security and High-tech Crime Prevention, Ministry of Public Security (Viet Nam)', vi: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao' }, countries: ['VN'], focus: fa(3), source: 'cand.com.vn; VNExpress (H)' },
  { id: 'tl-pntl-vpu', kind: 'GOVERNMENT', names: { en: 'Vulnerable Persons Unit, National Police of Timor-Leste (PNTL)' }, countries: ['TL'], focus: fa(2, 3), source: 'Média Democracia, 11 Jun 2025 (H)' },
  { id: 'tl-mssi', kind: 'GOVERNMENT', names: { en: 'Ministry of Social Solidarity and Inclusion (Timor-Leste)' }, countries: ['TL'], focus: fa(4), source: 'UNICEF Timor-Leste (H)' },
  { id: 'tl-inddica', kind: 'GOVERNMENT', names: { en: "Institute for the Defense of Children's Rights (INDDICA)" }, countries: ['TL'], focus: fa(1), source: 'UNICEF Timor-Leste consultation, June 2025 (H)' },
  // Tech companies: public facts only
  { id: 'tech-coalition', kind: 'TECH_COMPANY', names: { en: 'Tech Coalition' }, description: { en: 'Industry alliance against online child sexual exploitation and abuse; runs Lantern.' }, scope: 'INTERNATIONAL', countries: [], hq: 'US', website: 'https://www.technologycoalition.org', focus: fa(7), source: 'facts: regional and international partners (H)' },
  { id: 'meta', kind: 'TECH_COMPANY', names: { en: 'Meta Platforms' }, scope: 'INTERNATIONAL', countries: ASEAN, hq: 'US', website: 'https://about.meta.com', focus: fa(7), source: 'Tech Coalition member list' },
  { id: 'google', kind: 'TECH_COMPANY', names: { en: 'Google' }, scope: 'INTERNATIONAL', countries: ASEAN, hq: 'US', website: 'https://about.google', focus: fa(7), source: 'Tech Coalition member list' },
  { id: 'tiktok', kind: 'TECH_COMPANY', names: { en: 'TikTok' }, scope: 'INTERNATIONAL', countries: ASEAN, hq: 'SG', website: 'https://www.tiktok.com', focus: fa(7), source: 'Tech Coalition member list' },
  { id: 'microsoft', kind: 'TECH_COMPANY', names: { en: 'Microsoft' }, scope: 'INTERNATIONAL', countries: ASEAN, hq: 'US', website: 'https://www.microsoft.com', focus: fa(7), source: 'Tech Coalition member list' },
  // Civil society
  { id: 'ecpat-international', kind: 'CIVIL_SOCIETY', names: { en: 'ECPAT International' }, description: { en: 'Global network against the sexual exploitation of children; RPA technical support; Disrupting Harm; coordinator of the Luxembourg Terminology Guidelines.' }, scope: 'INTERNATIONAL', countries: ASEAN, hq: 'TH', website: 'https://ecpat.org', focus: fa(1, 5, 6), source: 'ASEAN RPA COEA launch (H)' },
  { id: 'ecpat-philippines', kind: 'CIVIL_SOCIETY', names: { en: 'ECPAT Philippines' }, description: { en: 'Runs the eProtectKids CSAEM hotline, an INHOPE member since 1 Dec 2020.' }, countries: ['PH'], website: 'https://ecpat.org.ph', focus: fa(5, 6), source: 'inhope.org; ecpat.org.ph (H)' },
  { id: 'ecpat-indonesia', kind: 'CIVIL_SOCIETY', names: { en: 'ECPAT Indonesia' }, description: { en: 'Partner of the IWF reporting portal for Indonesia (launched 19 Jun 2020).' }, countries: ['ID'], focus: fa(5, 6), source: 'IWF (H)' },
  { id: 'aple-cambodia', kind: 'CIVIL_SOCIETY', names: { en: 'Action Pour Les Enfants (APLE Cambodia)' }, description: { en: 'Runs Internet Hotline Cambodia, an INHOPE member.' }, countries: ['KH'], website: 'https://aplecambodia.org', focus: fa(4, 5), source: 'aplecambodia.org; internethotlinecambodia.org (H)' },
  { id: 'child-helpline-cambodia', kind: 'CIVIL_SOCIETY', names: { en: 'Child Helpline Cambodia' }, countries: ['KH'], website: 'https://childhelplinecambodia.org', focus: fa(4), source: 'childhelplinecambodia.org (H)' },
  { id: 'childline-thailand', kind: 'CIVIL_SOCIETY', names: { en: 'Childline Thailand Foundation', th: 'มูลนิธิสายเด็ก' }, description: { en: 'Runs Saidek 1387, a founding member of Child Helpline International (2003).' }, countries: ['TH'], website: 'https://childlinethailand.org', focus: fa(4, 5), source: 'Child Helpline International; childlinethailand.org (H)' },
  { id: 'th-ifdt', kind: 'CIVIL_SOCIETY', names: { en: 'Internet Foundation for the Development of Thailand' }, description: { en: 'Runs ThaiHotline, an INHOPE member founded in 2008.' }, countries: ['TH'], website: 'https://thaihotline.org', focus: fa(5, 7), source: 'thaihotline.org (H)' },
  { id: 'abs-cbn-foundation', kind: 'CIVIL_SOCIETY', names: { en: 'ABS-CBN Foundation' }, description: { en: 'Runs Bantay Bata 163, a child-abuse hotline since 1997.' }, countries: ['PH'], website: 'https://abs-cbnfoundation.org', focus: fa(4), source: 'abs-cbnfoundation.org (H)' },
  { id: 'sg-childrens-society', kind: 'CIVIL_SOCIETY', names: { en: "Singapore Children's Society" }, description: { en: 'Runs Tinkle Friend, a helpline and chat for primary-school children since 1984.' }, countries: ['SG'], website: 'https://www.childrensociety.org.sg', focus: fa(4, 6), source: 'tinklefriend.sg (H)' },
  { id: 'sg-montfort-care', kind: 'CIVIL_SOCIETY', names: { en: 'Montfort Care' }, description: { en: 'Operates the National Anti-Violence and Sexual Harassment Helpline with MSF.' }, countries: ['SG'], focus: fa(4), source: 'CNA; MSF (H)' },
  { id: 'la-lyu', kind: 'CIVIL_SOCIETY', names: { en: 'Lao Youth Union' }, description: { en: 'Runs the 1554 counselling line, toll-free and 24/7, with Hmong, supported by UNICEF.' }, countries: ['LA'], focus: fa(4), source: 'UNICEF Laos, June 2022 (H)' },
  { id: 'la-lwu', kind: 'CIVIL_SOCIETY', names: { en: "Lao Women's Union" }, description: { en: 'Counselling and Protection Centre for Women and Children (Vientiane, since 2006); national directory of essential services with UNICEF, UNFPA and World Vision.' }, countries: ['LA'], focus: fa(4, 5), source: 'UNFPA Laos (H)' },
  { id: 'inhope', kind: 'CIVIL_SOCIETY', names: { en: 'INHOPE' }, description: { en: 'International association of internet hotlines (ICCAM). Takes no reports itself: it points to member hotlines.' }, scope: 'INTERNATIONAL', countries: [], hq: 'NL', website: 'https://www.inhope.org', focus: fa(5, 7), source: 'inhope.org (H)' },
  { id: 'iwf', kind: 'CIVIL_SOCIETY', names: { en: 'Internet Watch Foundation (IWF)' }, description: { en: 'UK hotline; runs reporting portals for countries without a hotline, including Indonesia.' }, scope: 'INTERNATIONAL', countries: ['GB', 'ID'], hq: 'GB', website: 'https://www.iwf.org.uk', focus: fa(5, 7), source: 'iwf.org.uk (H)' },
  { id: 'ncmec', kind: 'CIVIL_SOCIETY', names: { en: 'National Center for Missing & Exploited Children (NCMEC)' }, description: { en: 'Runs the CyberTipline, to which US-based platforms report.' }, scope: 'INTERNATIONAL', countries: ['US'], hq: 'US', website: 'https://www.missingkids.org', focus: fa(5, 7), source: 'missingkids.org (H)' },
  { id: 'icmec', kind: 'CIVIL_SOCIETY', names: { en: 'International Centre for Missing & Exploited Children (ICMEC)' }, description: { en: 'Singapore office since 2009; Asia-Pacific Financial Coalition Against Child Sexual Exploitation; model legislation.' }, scope: 'INTERNATIONAL', countries: ['SG', 'US'], hq: 'US', website: 'https://www.icmec.org', focus: fa(1, 7), source: 'icmec.org (H)' },
  { id: 'weprotect', kind: 'CIVIL_SOCIETY', names: { en: 'WeProtect Global Alliance' }, description: { en: 'Multistakeholder alliance; Model National Response (21 capabilities in 6 domains).' }, scope: 'INTERNATIONAL', countries: [], hq: 'GB', website: 'https://www.weprotect.org', focus: fa(1, 7), source: 'weprotect.org (H)' },
  { id: 'ijm', kind: 'CIVIL_SOCIETY', names: { en: 'International Justice Mission (IJM)' }, description: { en: 'NGO partner of PICACC.' }, scope: 'INTERNATIONAL', countries: ['PH'], hq: 'US', website: 'https://www.ijm.org', focus: fa(2, 3, 4), source: 'IJM; PNA (H)' },
  { id: 'child-helpline-international', kind: 'CIVIL_SOCIETY', names: { en: 'Child Helpline International' }, scope: 'INTERNATIONAL', countries: [], hq: 'NL', website: 'https://childhelplineinternational.org', focus: fa(4, 5), source: 'childhelplineinternational.org (H)' },
  // UN agencies
  { id: 'unicef-eapro', kind: 'UN_AGENCY', names: { en: 'UNICEF East Asia and Pacific Regional Office', th: 'องค์การยูนิเซฟ สำนักงานภูมิภาคเอเชียตะวันออกและแปซิฟิก' }, description: { en: 'Technical support to the RPA; supports the annual ASEAN ICT Forum on child online protection.' }, scope: 'REGIONAL', countries: ASEAN, hq: 'TH', website: 'https://www.unicef.org/eap', focus: fa(1, 4, 5, 6, 7), source: 'ASEAN RPA COEA launch (H)' },
  { id: 'unodc', kind: 'UN_AGENCY', names: { en: 'United Nations Office on Drugs and Crime (UNODC)' }, description: { en: 'Cybercrime and cryptocurrency programme.' }, scope: 'INTERNATIONAL', countries: ASEAN, hq: 'AT', website: 'https://www.unodc.org', focus: fa(2, 3), source: 'ASEAN RPA COEA launch (M)' },
]

export const PARTNER_IDS = partners.map((p) => p.id)

export async function seed(db: Db): Promise<void> {
  await seedRows(
    db,
    'partners.partner',
    partners.map((p) => {
      const names = t(p.names)
      const descriptions = t(p.description ?? {})
      return {
        id: p.id,
        kind: p.kind,
        names,
        descriptions,
        scope: p.scope ?? 'NATIONAL',
        countries: p.countries,
        headquarters: p.hq ?? (p.countries.length === 1 ? p.countries[0] : null),
        website: p.website ?? null,
        focus_areas: p.focus,
        verified: true,
        verified_at: VERIFIED_AT,
        source: p.source,
        sort_name: p.names.en!.toLowerCase(),
        search_text: [...names, ...descriptions].map((x) => x.value).join(' ').toLowerCase(),
        updated_by: 'seed',
      }
    }),
  )
}
