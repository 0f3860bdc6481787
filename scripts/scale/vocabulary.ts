// Words and places for generated rows: per ASEAN member state its languages and time zones, and a
// few words in each language, so generated names exercise search in every script. Every generated
// name also says it is generated, so nobody can take a row for a real organisation.
import { ASEAN_MEMBER_CODES } from '../../subgraphs/common/countries.ts'
import type { prng } from './commitments.ts'

export type Rnd = ReturnType<typeof prng>
export type Country = (typeof ASEAN_MEMBER_CODES)[number]

export const COUNTRIES = ASEAN_MEMBER_CODES

export const LANGUAGES: Record<Country, string[]> = {
  BN: ['ms', 'en'], KH: ['km', 'en'], ID: ['id', 'en'], LA: ['lo', 'en'], MY: ['ms', 'en', 'zh-Hans-MY'], MM: ['my', 'en'],
  PH: ['fil', 'en'], SG: ['en', 'zh-Hans-SG', 'ms', 'ta'], TH: ['th', 'en'], VN: ['vi', 'en'], TL: ['tet', 'pt', 'en'],
}

export const TIME_ZONES: Record<Country, string[]> = {
  BN: ['Asia/Brunei'], KH: ['Asia/Phnom_Penh'], ID: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'], LA: ['Asia/Vientiane'],
  MY: ['Asia/Kuala_Lumpur', 'Asia/Kuching'], MM: ['Asia/Yangon'], PH: ['Asia/Manila'], SG: ['Asia/Singapore'], TH: ['Asia/Bangkok'],
  VN: ['Asia/Ho_Chi_Minh'], TL: ['Asia/Dili'],
}

// "Foundation for the protection of children online" and similar, in the country's first language.
const LOCAL_WORDS: Partial<Record<string, string[]>> = {
  th: ['มูลนิธิ', 'คุ้มครองเด็ก', 'ความปลอดภัยออนไลน์', 'เครือข่าย', 'สายด่วน'],
  vi: ['Quỹ', 'bảo vệ trẻ em', 'an toàn trực tuyến', 'mạng lưới', 'đường dây nóng'],
  id: ['Yayasan', 'perlindungan anak', 'keamanan daring', 'jaringan', 'layanan pengaduan'],
  ms: ['Yayasan', 'perlindungan kanak-kanak', 'keselamatan dalam talian', 'rangkaian', 'talian bantuan'],
  km: ['មូលនិធិ', 'ការពារកុមារ', 'សុវត្ថិភាពអនឡាញ', 'បណ្តាញ', 'ខ្សែទូរស័ព្ទ'],
  lo: ['ມູນນິທິ', 'ປົກປ້ອງເດັກ', 'ຄວາມປອດໄພອອນລາຍ', 'ເຄືອຂ່າຍ', 'ສາຍດ່ວນ'],
  my: ['ဖောင်ဒေးရှင်း', 'ကလေးကာကွယ်ရေး', 'အွန်လိုင်းလုံခြုံရေး', 'ကွန်ရက်', 'အကူအညီလိုင်း'],
  fil: ['Pundasyon', 'proteksyon ng bata', 'kaligtasan online', 'network', 'hotline'],
  tet: ['Fundasaun', 'protesaun labarik', 'seguransa online', 'rede', 'liña'],
}

const EN_WORDS = ['Foundation', 'child protection', 'online safety', 'network', 'helpline', 'digital literacy', 'victim support', 'awareness']

export const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[rnd.int(0, list.length - 1)]!

/** n distinct items of the list (fewer if the list is shorter). */
export function some<T>(rnd: Rnd, list: readonly T[], n: number): T[] {
  const chosen = new Set<T>()
  for (let tries = 0; chosen.size < Math.min(n, list.length) && tries < n * 10; tries++) chosen.add(pick(rnd, list))
  return [...chosen]
}

/** English text plus one in the country's first language, when there are words for it. */
export function texts(rnd: Rnd, what: string, serial: string, country: Country | null): { lang: string; value: string }[] {
  const en = { lang: 'en', value: `Generated ${what} ${serial}: ${pick(rnd, EN_WORDS)} and ${pick(rnd, EN_WORDS)}` }
  const lang = country ? LANGUAGES[country][0]! : 'en'
  const words = LOCAL_WORDS[lang]
  if (!words) return [en]
  return [en, { lang, value: `${pick(rnd, words)} ${pick(rnd, words)} ${serial}` }]
}

/** A random day between two ISO dates, as YYYY-MM-DD. */
export function dayBetween(rnd: Rnd, from: string, to: string): string {
  const [a, b] = [Date.parse(from), Date.parse(to)]
  return new Date(a + rnd.next() * (b - a)).toISOString().slice(0, 10)
}

/** Rows collected column by column, for one unnest insert: column k of every row is parameter $k+1. */
export class Columns {
  readonly values: unknown[][]
  constructor(width: number) {
    this.values = Array.from({ length: width }, () => [])
  }
  push(row: unknown[]) {
    row.forEach((v, k) => this.values[k]!.push(v))
  }
  get length() {
    return this.values[0]!.length
  }
}
