// Seeds the harm-type vocabulary and the services of domain facts 3.3-3.5 (H or M only). Every
// channel goes through the same checks as the API (libphonenumber, Intl), so a mistyped number
// fails the seed instead of reaching a child-protection worker.
import type { Db } from '../common/db.ts'
import { seedRows, t } from '../common/seed.ts'
import { Validator } from '../common/validate.ts'
import { checkChannelValue, checkLanguages } from './contacts.ts'
import { checkSchedule, type Schedule } from './schedule.ts'
import { HARM_CODES, HARM_TYPES } from './seed/harm-types.ts'
import { INTERNATIONAL } from './seed/international.ts'
import { MAINLAND } from './seed/mainland.ts'
import { MARITIME } from './seed/maritime.ts'
import { VERIFIED_AT, type HotlineSeed } from './seed/shapes.ts'

export const SERVICES: readonly HotlineSeed[] = [...MAINLAND, ...MARITIME, ...INTERNATIONAL]

function checkedSchedule(v: Validator, path: string, schedule: Schedule | null): Schedule | null {
  if (schedule) checkSchedule(v, path, schedule)
  return schedule
}

/** The rows to insert, after checking every service and channel; throws listing every problem. */
export function seedData(services: readonly HotlineSeed[] = SERVICES) {
  const v = new Validator()
  const hotlines: object[] = []
  const harms: object[] = []
  const channels: object[] = []
  for (const s of services) {
    const harmCodes = s.harms === 'ALL' ? HARM_CODES : [...s.harms]
    for (const code of harmCodes) if (!HARM_CODES.includes(code)) v.fail(`${s.id}.harms`, `unknown harm type "${code}"`)
    hotlines.push({
      id: s.id,
      kind: s.kind,
      names: t(s.names),
      descriptions: t(s.description ?? {}),
      country: s.country,
      serves: s.serves ?? [],
      international: s.international ?? false,
      platform_reporting: s.platformReporting ?? false,
      operator_id: s.operator,
      min_age: s.ages?.min ?? null,
      max_age: s.ages?.max ?? null,
      ages_note: t(s.ages?.note ?? {}),
      languages: checkLanguages(v, `${s.id}.languages`, s.languages),
      schedule: checkedSchedule(v, `${s.id}.schedule`, s.schedule),
      rank: s.rank ?? 100,
      verified_at: s.verifiedAt ?? VERIFIED_AT,
      source: s.source,
    })
    harms.push(...harmCodes.map((code) => ({ hotline_id: s.id, harm_code: code })))
    // National numbers and short codes belong to the service's country (or the one its portal serves).
    const country = s.country ?? s.serves?.[0] ?? null
    s.channels.forEach((c, position) => {
      const path = `${s.id}.${c.key}`
      const value = checkChannelValue(v, path, c.type, c.value, country)
      const own = c.schedule === 'UNKNOWN' ? null : (c.schedule ?? null)
      channels.push({
        id: `${s.id}-${c.key}`,
        hotline_id: s.id,
        type: c.type,
        ...value,
        labels: t(c.label ?? {}),
        languages: checkLanguages(v, `${path}.languages`, c.languages ?? []),
        visibility: c.visibility ?? 'PUBLIC',
        free_of_charge: c.free ?? null,
        verified: c.verified ?? true,
        verified_at: c.verifiedAt ?? s.verifiedAt ?? VERIFIED_AT,
        source: c.source ?? s.source,
        schedule: checkedSchedule(v, `${path}.schedule`, own),
        inherits_schedule: c.schedule === undefined,
        position,
      })
    })
  }
  if (v.violations.length) {
    throw new Error(`Invalid hotline seed data:\n${v.violations.map((x) => `  ${x.path}: ${x.message}`).join('\n')}`)
  }
  const harmTypes = HARM_TYPES.map((h, position) => ({
    code: h.code,
    labels: t(h.labels),
    descriptions: t({ en: h.description }),
    national_terms: h.nationalTerms ?? [],
    crosswalk: h.crosswalk,
    sources: h.sources,
    position,
  }))
  return { harmTypes, hotlines, harms, channels }
}

export async function seed(db: Db): Promise<void> {
  const rows = seedData()
  await db.transaction(async (tx) => {
    await seedRows(tx, 'hotlines.harm_type', rows.harmTypes, 'code')
    await seedRows(tx, 'hotlines.hotline', rows.hotlines)
    await seedRows(tx, 'hotlines.hotline_harm', rows.harms, 'hotline_id, harm_code')
    await seedRows(tx, 'hotlines.channel', rows.channels)
  })
}
