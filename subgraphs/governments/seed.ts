// ASEAN member states, their emergency numbers and laws, and details of every government partner
// (ids as in the partners registry). Only facts marked H or M in the domain facts are seeded.
import type { Db } from '../common/db.ts'
import { seedRows, t } from '../common/seed.ts'

const COUNTRY_SOURCE =
  'ISO codes: Debian iso-codes 4.15.0; calling codes and trunk prefixes: libphonenumber; time zones: tzdata 2025b; ' +
  'local-language names: CLDR 48; membership: ASEAN (Timor-Leste admitted 26 Oct 2025 at the 47th ASEAN Summit)'

type CountrySeed = [code: string, alpha3: string, num: string, names: Record<string, string>, calling: string, trunk: string | null, zones: string[], langs: string[], joined: string]

// The English name is the ISO 3166-1 short name ("Viet Nam", "Lao People's Democratic Republic").
const countries: CountrySeed[] = [
  ['BN', 'BRN', '096', { en: 'Brunei Darussalam', ms: 'Brunei Darussalam' }, '+673', null, ['Asia/Brunei'], ['ms-BN'], '1984-01-07'],
  ['KH', 'KHM', '116', { en: 'Cambodia', km: 'កម្ពុជា' }, '+855', '0', ['Asia/Phnom_Penh'], ['km-KH'], '1999-04-30'],
  ['ID', 'IDN', '360', { en: 'Indonesia', id: 'Indonesia' }, '+62', '0', ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'], ['id-ID'], '1967-08-08'],
  ['LA', 'LAO', '418', { en: "Lao People's Democratic Republic", lo: 'ລາວ' }, '+856', '0', ['Asia/Vientiane'], ['lo-LA'], '1997-07-23'],
  ['MY', 'MYS', '458', { en: 'Malaysia', ms: 'Malaysia' }, '+60', '0', ['Asia/Kuala_Lumpur', 'Asia/Kuching'], ['ms-MY'], '1967-08-08'],
  ['MM', 'MMR', '104', { en: 'Myanmar', my: 'မြန်မာ' }, '+95', '0', ['Asia/Yangon'], ['my-MM'], '1997-07-23'],
  ['PH', 'PHL', '608', { en: 'Philippines', fil: 'Pilipinas' }, '+63', '0', ['Asia/Manila'], ['fil-PH', 'en-PH'], '1967-08-08'],
  ['SG', 'SGP', '702', { en: 'Singapore', ms: 'Singapura', 'zh-Hans': '新加坡', ta: 'சிங்கப்பூர்' }, '+65', null, ['Asia/Singapore'], ['en-SG', 'ms-SG', 'zh-Hans-SG', 'ta-SG'], '1967-08-08'],
  ['TH', 'THA', '764', { en: 'Thailand', th: 'ไทย' }, '+66', '0', ['Asia/Bangkok'], ['th-TH'], '1967-08-08'],
  ['VN', 'VNM', '704', { en: 'Viet Nam', vi: 'Việt Nam' }, '+84', '0', ['Asia/Ho_Chi_Minh'], ['vi-VN'], '1995-07-28'],
  ['TL', 'TLS', '626', { en: 'Timor-Leste', tet: 'Timor-Leste', pt: 'Timor-Leste' }, '+670', null, ['Asia/Dili'], ['tet-TL', 'pt-TL'], '2025-10-26'],
]

// libphonenumber marks every number here as an emergency number (H). The service is stated only
// where a source gives it; the rest stay null rather than guessed.
const LPN = 'libphonenumber ShortNumberMetadata.xml (emergency)'
const MAPPED = `${LPN}; service: general knowledge (M/L)`
type NumberSeed = [number: string, service: 'POLICE' | 'AMBULANCE' | 'FIRE' | 'GENERAL' | null, source?: string]
const emergencyNumbers: Record<string, NumberSeed[]> = {
  BN: [['991', null], ['993', 'POLICE', `${LPN}; childsafeguarding.com (H)`], ['995', null]],
  KH: [['117', 'POLICE', MAPPED], ['118', null], ['119', null], ['666', null]],
  ID: [['110', 'POLICE', `${LPN}; police emergency (H)`], ['112', 'GENERAL', `${LPN}; from mobiles (H)`], ['113', null], ['118', null], ['119', null]],
  LA: [['190', null], ['191', 'POLICE', MAPPED], ['195', null]],
  MY: [['112', null], ['999', null]],
  MM: [['199', 'POLICE', `${LPN}; police emergency (H)`]],
  PH: [['112', null], ['117', null], ['911', 'GENERAL', MAPPED]],
  SG: [['993', null], ['995', null], ['999', 'POLICE', `${LPN}; police emergency (H)`]],
  TH: [['191', 'POLICE', `${LPN}; police emergency (H)`], ['199', null], ['1669', 'AMBULANCE', MAPPED]],
  VN: [['113', 'POLICE', `${LPN}; police emergency (H)`], ['114', null], ['115', null]],
  TL: [['112', null], ['115', null]],
}

const laws = [
  { id: 'ph-ra-11930', country: 'PH', title: 'Republic Act No. 11930 (Anti-OSAEC and Anti-CSAEM Act)', year: 2022, in_force: true, repealed_by: null, source: 'Republic Act No. 11930 and its IRR (H)',
    summaries: t({ en: 'Lapsed into law on 30 July 2022, in effect from 23 August 2022; implementing rules signed 18 May 2023. Created the National Coordination Center against OSAEC and CSAEM under IACAT, imposes duties on internet service providers, platforms and payment providers, and repealed RA 9775. Its statutory terms are OSAEC and CSAEM.' }) },
  { id: 'ph-ra-9775', country: 'PH', title: 'Republic Act No. 9775 (Anti-Child Pornography Act of 2009)', year: 2009, in_force: false, repealed_by: 'Republic Act No. 11930', source: 'Republic Act No. 11930 (H)',
    summaries: t({ en: 'Repealed by RA 11930 (2022).' }) },
  { id: 'my-soac-2017', country: 'MY', title: 'Sexual Offences against Children Act 2017', year: 2017, in_force: true, repealed_by: null, source: 'Sexual Offences against Children Act 2017 (H)',
    summaries: t({ en: 'Section 3 gives the Act extraterritorial effect.' }) },
  { id: 'mm-child-rights-law-2019', country: 'MM', title: 'Child Rights Law', year: 2019, in_force: true, repealed_by: null, source: 'UNICEF (H)',
    summaries: t({ en: 'Enacted in July 2019.' }) },
  { id: 'id-perpres-20-2024', country: 'ID', title: 'Presidential Regulation (Perpres) No. 20 of 2024', year: 2024, in_force: true, repealed_by: null, source: 'medcom; perss.id; murianetwork; okezone (H)',
    summaries: t({ en: 'Signed 12 February 2024. Created the Directorate of Crimes against Women and Children and Human Trafficking (Dit PPA-PPO) in Bareskrim Polri, announced as operational in September 2024. One source cites it as Perpres 25/2024.' }) },
]

type AgencyType = 'MINISTRY' | 'LAW_ENFORCEMENT_UNIT' | 'COMMISSION' | 'ASEAN_BODY' | 'INTERGOVERNMENTAL'
interface AgencySeed {
  id: string
  type: AgencyType
  mandate: Record<string, string>
  source: string
  jurisdiction?: string
  /** Law-enforcement unit confirmed as specialised in crimes against children (RPA focus area 3). */
  specialised?: boolean
}

// Every GOVERNMENT-kind partner. No parent bodies are recorded: none of the parents named in the
// sources (DSWD, Bareskrim, the Cambodian National Police) is itself a partner.
const agencies: AgencySeed[] = [
  { id: 'asean-secretariat', type: 'ASEAN_BODY', mandate: { en: 'Coordinates the Regional Plan of Action on child online exploitation and abuse through the Deputy Secretary-General for the ASEAN Socio-Cultural Community; member of the plan’s technical working group.' }, source: 'ASEAN RPA COEA launch, 14 Feb 2022 (H)' },
  { id: 'acwc', type: 'ASEAN_BODY', mandate: { en: 'Promotes and protects the rights of women and children in ASEAN; runs the Regional Plan of Action with SOMSWD. Its representatives from Brunei Darussalam, Malaysia, Myanmar and Thailand (lead) sit on the plan’s technical working group.' }, source: 'ASEAN RPA COEA (H)' },
  { id: 'somswd', type: 'ASEAN_BODY', mandate: { en: 'Social welfare and development; runs the Regional Plan of Action with ACWC. Its focal points from Indonesia, Myanmar, Singapore and Thailand (lead) sit on the plan’s technical working group.' }, source: 'ASEAN RPA COEA (H)' },
  { id: 'somtc', type: 'ASEAN_BODY', mandate: { en: 'Transnational crime; member of the Regional Plan of Action’s technical working group.' }, source: 'ASEAN RPA COEA technical working group (H)' },
  { id: 'adgsom', type: 'ASEAN_BODY', mandate: { en: 'Digital policy; member of the Regional Plan of Action’s technical working group.' }, source: 'ASEAN RPA COEA technical working group (H)' },
  { id: 'aipa', type: 'ASEAN_BODY', mandate: { en: 'The parliaments of the ASEAN member states; partner named at the launch of the Regional Plan of Action.' }, source: 'ASEAN RPA COEA launch (H)' },
  { id: 'interpol', type: 'INTERGOVERNMENTAL', mandate: { en: 'Runs the International Child Sexual Exploitation (ICSE) database; partner in Disrupting Harm.' }, source: 'facts: regional and international partners (H)' },
  { id: 'au-esafety', type: 'COMMISSION', jurisdiction: 'AU', mandate: { en: 'Australia’s online safety regulator; partner named at the launch of the Regional Plan of Action and a supporter of the ASEAN ICT Forum on child online protection.' }, source: 'ASEAN RPA COEA launch; facts: regional and international partners (H)' },
  { id: 'bn-mcys', type: 'MINISTRY', jurisdiction: 'BN', mandate: { en: 'Runs Talian ANAK 121, the 24-hour child helpline, through the Community Development Department (JAPEM), with a call centre by imagine; launched after an October 2019 MoU.' }, source: 'Borneo Bulletin; childsafeguarding.com (H)' },
  { id: 'kh-cnp-ahtjpd', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'KH', specialised: true, mandate: { en: 'Cambodian National Police department against human trafficking and for the protection of juveniles.' }, source: 'BIK/INHOPE article, 2020 (H)' },
  { id: 'kh-moi-acc', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'KH', mandate: { en: 'Ministry of Interior department against cybercrime; works with Internet Hotline Cambodia (APLE) and INHOPE hotlines.' }, source: 'CNE 2019; aplecambodia.org (H)' },
  { id: 'id-kemenpppa', type: 'MINISTRY', jurisdiction: 'ID', mandate: { en: 'Runs SAPA 129 (Sahabat Perempuan dan Anak), its call centre with Telkom launched on 8 March 2021 and integrated across 34 provinces in September 2023: complaints, outreach, case management, temporary shelter, mediation and accompaniment.' }, source: 'detik; IDN Times; Kontan (H)' },
  { id: 'id-kpai', type: 'COMMISSION', jurisdiction: 'ID', mandate: { en: 'Indonesia’s national child protection commission.' }, source: 'childsafeguarding.com (M)' },
  { id: 'id-polri-ppa-ppo', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'ID', specialised: true, mandate: { en: 'Directorate of the police Criminal Investigation Agency (Bareskrim Polri) for crimes against women and children and human trafficking. Created by Perpres 20/2024 and operational since September 2024; regional units were launched at 11 Polda and 22 Polres as a pilot in January 2026.' }, source: 'Perpres 20/2024; medcom; perss.id; murianetwork; okezone (H)' },
  { id: 'my-kpwkm', type: 'MINISTRY', jurisdiction: 'MY', mandate: { en: 'Runs Talian Kasih 15999 (24 hours; not child-dedicated). Complaints go to the district welfare office (JKM) the same day, with feedback within 14 days.' }, source: 'Malay Mail; The Star; amierul.com 2025 (H)' },
  { id: 'my-pdrm-micac', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'MY', specialised: true, mandate: { en: 'Internet crimes against children unit of the Royal Malaysia Police CID Sexual, Women and Child Investigations Division (D11); operating from about 2014, officially launched on 9 February 2018.' }, source: 'Malay Mail; Yahoo/MM 2018; FMT; Borneo Post (H)' },
  { id: 'mm-dsw', type: 'MINISTRY', jurisdiction: 'MM', mandate: { en: 'Department of the Ministry of Social Welfare, Relief and Resettlement that runs child-protection case management. Since February 2021, check whether a contact is a de facto authority before relying on it.' }, source: 'UNICEF Myanmar 2020 (H)' },
  { id: 'ph-cwc', type: 'COMMISSION', jurisdiction: 'PH', mandate: { en: 'Council under the Department of Social Welfare and Development; runs the Makabata Helpline 1383 (24/7, launched 21 October 2023), the government’s centralised child helpline, linked to more than 60 public and private helplines.' }, source: 'radyoagila; dwiz882am; Daily Tribune (H)' },
  { id: 'ph-doj-occ', type: 'MINISTRY', jurisdiction: 'PH', mandate: { en: 'Department of Justice office that receives the NCMEC CyberTipline feed for the Philippines.' }, source: 'ASEAN RPA COEA launch (H); CyberTipline role (H/M)' },
  { id: 'ph-picacc', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'PH', specialised: true, mandate: { en: 'Philippine Internet Crimes Against Children Center, launched 27 February 2019 at Camp Crame: PNP Women and Children Protection Center, NBI Anti-Human Trafficking Division, Australian Federal Police and UK National Crime Agency, with the Dutch National Police since 2021 and IJM as NGO partner.' }, source: 'PNA; IJM; Rappler (H)' },
  { id: 'sg-msf', type: 'MINISTRY', jurisdiction: 'SG', mandate: { en: 'Runs the National Anti-Violence and Sexual Harassment Helpline (24/7) with Montfort Care, operational since 18 January 2021.' }, source: 'CNA; Straits Times; MSF PQ answer (H)' },
  { id: 'th-msdhs', type: 'MINISTRY', jurisdiction: 'TH', mandate: { en: 'Department of Children and Youth; runs the 1300 Prachabodi Social Assistance Centre (24 hours, since 2013), which receives reports of child abuse, neglect and exploitation.', th: 'กรมกิจการเด็กและเยาวชน ศูนย์ช่วยเหลือสังคม สายด่วน 1300' }, source: 'ASEAN RPA COEA launch; UNICEF Thailand 2019 (H)' },
  { id: 'th-rtp-ticac', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'TH', specialised: true, mandate: { en: 'Royal Thai Police task force against internet crimes against children; working group set up on 8 January 2016; NCMEC CyberTipline remote-access agreement signed in March 2017.' }, source: 'Bangkok Post; ticac.police.go.th (H)' },
  { id: 'vn-moh', type: 'MINISTRY', jurisdiction: 'VN', mandate: { en: 'Named as operator of the National Child Protection Hotline 111 after the 2025 change (previously MOLISA’s Department of Children); in September 2025, 111 was also launched as the national anti-human-trafficking line.' }, source: 'VietnamPlus; Nhân Dân (H); operator change (M)' },
  { id: 'vn-mps-cyber', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'VN', mandate: { en: 'Ministry of Public Security department against cybercrime and high-tech crime, with provincial cyber divisions in all 63 localities.' }, source: 'cand.com.vn; VNExpress (H)' },
  { id: 'tl-pntl-vpu', type: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'TL', mandate: { en: 'Police unit for vulnerable persons; keeps police data on violence against children. A unit specialised in online child sexual exploitation is not confirmed.' }, source: 'Média Democracia, 11 Jun 2025 (H)' },
  { id: 'tl-mssi', type: 'MINISTRY', jurisdiction: 'TL', mandate: { en: 'Child protection officers and the Social Welfare Workforce programme.' }, source: 'UNICEF Timor-Leste (H)' },
  { id: 'tl-inddica', type: 'COMMISSION', jurisdiction: 'TL', mandate: { en: 'Institute for the Defense of Children’s Rights; held a national consultation with UNICEF in June 2025 on aligning with the ASEAN Regional Plan of Action, including online violence.' }, source: 'UNICEF Timor-Leste consultation, June 2025 (H)' },
]

export async function seed(db: Db): Promise<void> {
  await seedRows(
    db,
    'governments.country',
    countries.map(([code, alpha3, num, names, calling, trunk, zones, langs, joined]) => ({
      code, alpha3, numeric_code: num, names: t(names), sort_name: names.en!.toLowerCase(), calling_code: calling,
      trunk_prefix: trunk, time_zones: zones, official_languages: langs, asean_joined_on: joined, source: COUNTRY_SOURCE,
    })),
    'code',
  )
  await seedRows(
    db,
    'governments.emergency_number',
    Object.entries(emergencyNumbers).flatMap(([country, rows]) =>
      rows.map(([number, service, source]) => ({ country, number, service, source: source ?? LPN })),
    ),
    'country, number',
  )
  await seedRows(db, 'governments.national_law', laws)
  await seedRows(
    db,
    'governments.agency',
    agencies.map((a) => ({
      id: a.id, agency_type: a.type, mandates: t(a.mandate), mandate_source: a.source,
      jurisdiction: a.jurisdiction ?? null, specialised: a.specialised ?? false,
    })),
  )
}
