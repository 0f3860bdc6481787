// Regional and international services: the fallbacks where a country has no national hotline
// for a harm type, and NCMEC's CyberTipline for US-based platforms (domain facts 3.4-3.5).
import { online, type HotlineSeed } from './shapes.ts'

// INHOPE's themes: CSAM (with its self-generated and shared forms), sexual extortion, and sexual
// exploitation in travel and tourism.
const INHOPE_THEMES = ['csam', 'self-generated', 'nci-sharing', 'sextortion', 'sectt']

// NCMEC CyberTipline categories, mapped onto the vocabulary (facts 4.1 crosswalk).
const CYBERTIPLINE = [
  'csam',
  'csam-ai',
  'grooming',
  'sextortion',
  'livestream',
  'self-generated',
  'nci-sharing',
  'trafficking-sexual',
  'sectt',
  'obscene-to-child',
  'misleading-content',
]

export const INTERNATIONAL: HotlineSeed[] = [
  {
    id: 'iwf-portal-id',
    kind: 'REPORTING_HOTLINE',
    names: { en: 'IWF reporting portal for Indonesia', id: 'Portal pelaporan IWF untuk Indonesia' },
    description: { en: 'Run by the Internet Watch Foundation with ECPAT Indonesia, in Indonesian, since 19 June 2020.' },
    country: null,
    serves: ['ID'],
    operator: 'iwf',
    harms: ['csam', 'self-generated', 'nci-sharing'],
    languages: ['id'],
    schedule: null,
    rank: 10,
    source: 'IWF; ECPAT Indonesia (H)',
    channels: [online('form', 'WEB_FORM', 'https://report.iwf.org.uk/id', { label: { en: 'Report online (in Indonesian)' } })],
  },
  {
    id: 'inhope-hotlines',
    kind: 'REPORTING_HOTLINE',
    names: { en: "INHOPE's member hotlines" },
    description: { en: 'INHOPE takes no reports itself: its website lists its member hotlines, country by country, for reporting where a country has none of its own.' },
    country: null,
    international: true,
    operator: 'inhope',
    harms: INHOPE_THEMES,
    languages: ['en'],
    schedule: null,
    rank: 50,
    source: 'inhope.org (H)',
    channels: [online('website', 'WEBSITE', 'https://www.inhope.org', { label: { en: 'Find a member hotline' } })],
  },
  {
    id: 'ncmec-cybertipline',
    kind: 'REPORTING_HOTLINE',
    names: { en: 'NCMEC CyberTipline' },
    description: { en: 'Run by NCMEC; US-based platforms report to it. The Thai TICAC has had remote access since March 2017; the Philippine DOJ Office of Cybercrime receives its feed.' },
    country: 'US',
    platformReporting: true,
    operator: 'ncmec',
    harms: CYBERTIPLINE,
    languages: ['en'],
    schedule: null,
    rank: 60,
    source: 'missingkids.org; Bangkok Post; ASEAN RPA COEA launch (H)',
    channels: [online('website', 'WEBSITE', 'https://www.missingkids.org', { label: { en: 'CyberTipline, through missingkids.org' } })],
  },
]
