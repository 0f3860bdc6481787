// The OCSEA harm-type vocabulary with its crosswalks (domain facts 4.1). Labels are given in
// Thai, Vietnamese and Indonesian only where the wording is established; otherwise English only,
// and clients fall back to English.

export interface HarmTypeSeed {
  code: string
  labels: Record<string, string>
  description: string
  nationalTerms?: { country: string; term: string; meaning: string; law: string }[]
  crosswalk: { scheme: string; term: string; note?: string }[]
  sources: string[]
}

const RA_11930 = 'Republic Act 11930 (Anti-OSAEC and Anti-CSAEM Act, 2022)'

export const HARM_TYPES: HarmTypeSeed[] = [
  {
    code: 'csam',
    labels: {
      en: 'Child sexual abuse material (CSAM)',
      th: 'สื่อการล่วงละเมิดทางเพศเด็ก',
      vi: 'Tài liệu xâm hại tình dục trẻ em',
      id: 'Materi kekerasan seksual terhadap anak',
    },
    description: 'Images, videos or other material depicting the sexual abuse of a child. The Luxembourg Guidelines prefer "CSAM" to "child pornography"; use CSEM (exploitation material) where the material is broader.',
    nationalTerms: [{ country: 'PH', term: 'CSAEM', meaning: 'child sexual abuse or exploitation material', law: RA_11930 }],
    crosswalk: [
      { scheme: 'NCMEC CyberTipline', term: 'child pornography' },
      { scheme: 'INHOPE', term: 'CSAM' },
      { scheme: 'PH RA 11930', term: 'CSAEM' },
    ],
    sources: ['Luxembourg Terminology Guidelines', 'NCMEC', 'RA 11930'],
  },
  {
    code: 'csam-ai',
    labels: { en: 'AI-generated or manipulated CSAM' },
    description: 'Child sexual abuse material generated or altered with AI or other tools.',
    crosswalk: [
      { scheme: 'NCMEC CyberTipline', term: 'generative AI', note: 'NCMEC reclassifies AI-generated images' },
      { scheme: 'APLE Cambodia', term: 'manipulated content' },
    ],
    sources: ['GPCEP', 'APLE'],
  },
  {
    code: 'grooming',
    labels: {
      en: 'Online grooming (solicitation of children for sexual purposes)',
      vi: 'Dụ dỗ trẻ em trên mạng nhằm mục đích tình dục',
      id: 'Bujuk rayu anak secara daring untuk tujuan seksual (grooming)',
    },
    description: 'Building contact with a child online in order to sexually abuse or exploit them.',
    crosswalk: [{ scheme: 'NCMEC CyberTipline', term: 'online enticement of children for sexual acts' }],
    sources: ['NCMEC', 'APLE', 'Tech Coalition'],
  },
  {
    code: 'sextortion',
    labels: {
      en: 'Sexual extortion of children (including financial sextortion)',
      th: 'การแบล็กเมล์ทางเพศเด็ก (sextortion)',
      vi: 'Tống tiền tình dục trẻ em',
      id: 'Pemerasan seksual terhadap anak (sekstorsi)',
    },
    description: 'Threatening to share sexual images of a child to obtain more images, sexual acts or money.',
    crosswalk: [
      { scheme: 'INHOPE', term: 'sexual extortion involving a child' },
      { scheme: 'NCMEC CyberTipline', term: 'online enticement of children for sexual acts', note: 'financial sextortion is reported under enticement' },
    ],
    sources: ['Hotline guide', 'Tech Coalition', 'Thai TICAC cases'],
  },
  {
    code: 'livestream',
    labels: { en: 'Live-streamed child sexual abuse' },
    description: 'Sexual abuse of a child streamed live, often to paying viewers (pay-per-view abuse).',
    nationalTerms: [{ country: 'PH', term: 'OSAEC', meaning: 'online sexual abuse or exploitation of children (formerly OSEC)', law: RA_11930 }],
    crosswalk: [
      { scheme: 'PH RA 11930', term: 'OSAEC', note: 'earlier usage: OSEC' },
      { scheme: 'common usage', term: 'pay-per-view abuse' },
    ],
    sources: ['PICACC', 'RA 11930'],
  },
  {
    code: 'self-generated',
    labels: { en: 'Self-generated sexual content involving children (including coerced)' },
    description: 'Sexual images or videos a child made of themselves, often under coercion or deception.',
    crosswalk: [{ scheme: 'common usage', term: 'sexting', note: 'use with care: it can imply the child is to blame' }],
    sources: ['Luxembourg Terminology Guidelines', 'APLE'],
  },
  {
    code: 'nci-sharing',
    labels: { en: "Non-consensual sharing of a child's intimate images" },
    description: "Sharing or distributing intimate images of a child without the child's consent.",
    crosswalk: [{ scheme: 'Cybertip.ca', term: 'non-consensual distribution of intimate images' }],
    sources: ['cybertip.ca', 'APLE'],
  },
  {
    code: 'trafficking-sexual',
    labels: {
      en: 'Trafficking of children for sexual purposes (online-facilitated)',
      vi: 'Mua bán trẻ em vì mục đích tình dục',
      id: 'Perdagangan anak untuk tujuan seksual',
    },
    description: 'Recruiting, moving or holding a child for sexual exploitation, arranged or advertised online.',
    crosswalk: [{ scheme: 'NCMEC CyberTipline', term: 'child sex trafficking' }],
    sources: ['NCMEC', 'VN 111', 'IACAT'],
  },
  {
    code: 'sectt',
    labels: { en: 'Sexual exploitation of children in travel and tourism' },
    description: 'Sexual exploitation of children by people who travel, arranged or advertised online.',
    crosswalk: [{ scheme: 'NCMEC CyberTipline', term: 'child sex tourism', note: 'avoid the term' }],
    sources: ['INHOPE guide', 'AIPA'],
  },
  {
    code: 'obscene-to-child',
    labels: { en: 'Exposure of children to sexual material' },
    description: 'Sending or showing sexual material to a child.',
    crosswalk: [{ scheme: 'NCMEC CyberTipline', term: 'unsolicited obscene material sent to a child' }],
    sources: ['NCMEC'],
  },
  {
    code: 'sexualised-cyberbullying',
    labels: { en: 'Sexualised harassment and cyberbullying of children' },
    description: 'Harassing or bullying a child online with sexual content or comments.',
    crosswalk: [{ scheme: 'APLE Cambodia', term: 'sexualised cyberbullying' }],
    sources: ['APLE'],
  },
  {
    code: 'misleading-content',
    labels: { en: 'Misleading domain names, words or images that draw children to harmful content' },
    description: 'Using misleading names, words or images to lead children to sexual or otherwise harmful content.',
    crosswalk: [{ scheme: 'NCMEC CyberTipline', term: 'misleading domain names; misleading words or digital images' }],
    sources: ['NCMEC'],
  },
]

export const HARM_CODES = HARM_TYPES.map((h) => h.code)
