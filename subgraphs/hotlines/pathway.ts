// Referral pathways: which services, in which order, for a country, a harm type and an audience;
// and in priority mode the one contact to show per step.
import { pickText } from '../common/i18n.ts'
import { CHANNEL_PREFERENCE } from './contacts.ts'
import { isStale } from './freshness.ts'
import type { ChannelRow, HarmTypeRow, HotlineRow } from './repository.ts'
import { isOpenAt } from './schedule.ts'

export const AUDIENCES = ['CHILD', 'CAREGIVER', 'PROFESSIONAL', 'PLATFORM'] as const
export type Audience = (typeof AUDIENCES)[number]

export type StepKind = 'EMERGENCY' | 'NATIONAL_HOTLINE' | 'LAW_ENFORCEMENT' | 'CHILD_HELPLINE' | 'INTERNATIONAL_FALLBACK' | 'PLATFORM_REPORTING'

// Professionals and platforms follow the reporting order; a child or caregiver is pointed to
// support first, and a child is not sent to a police unit directly (the helpline refers).
const STEPS: Record<Audience, StepKind[]> = {
  CHILD: ['EMERGENCY', 'CHILD_HELPLINE', 'NATIONAL_HOTLINE', 'INTERNATIONAL_FALLBACK'],
  CAREGIVER: ['EMERGENCY', 'CHILD_HELPLINE', 'NATIONAL_HOTLINE', 'LAW_ENFORCEMENT', 'INTERNATIONAL_FALLBACK'],
  PROFESSIONAL: ['EMERGENCY', 'NATIONAL_HOTLINE', 'LAW_ENFORCEMENT', 'CHILD_HELPLINE', 'INTERNATIONAL_FALLBACK'],
  PLATFORM: ['EMERGENCY', 'NATIONAL_HOTLINE', 'LAW_ENFORCEMENT', 'CHILD_HELPLINE', 'INTERNATIONAL_FALLBACK', 'PLATFORM_REPORTING'],
}

/** Candidates per step, best first, from the services that accept the harm type (`rows`, ranked). */
export function candidatesByStep(country: string, rows: readonly HotlineRow[]): Record<StepKind, HotlineRow[]> {
  const national = (kind: HotlineRow['kind']) => rows.filter((r) => r.country === country && r.kind === kind)
  const reporting = rows.filter((r) => r.kind === 'REPORTING_HOTLINE' && r.country !== country)
  const nationalHotlines = national('REPORTING_HOTLINE')
  return {
    EMERGENCY: national('EMERGENCY'),
    NATIONAL_HOTLINE: nationalHotlines,
    LAW_ENFORCEMENT: national('LAW_ENFORCEMENT'),
    CHILD_HELPLINE: [...national('CHILD_HELPLINE'), ...national('SOCIAL_WELFARE')],
    // A portal run for this country comes before services that take reports from anywhere.
    INTERNATIONAL_FALLBACK: nationalHotlines.length
      ? []
      : [...reporting.filter((r) => r.serves.includes(country)), ...reporting.filter((r) => r.international && !r.serves.includes(country))],
    PLATFORM_REPORTING: rows.filter((r) => r.platform_reporting),
  }
}

export interface PlannedStep {
  kind: StepKind
  candidates: HotlineRow[]
}

/** The audience's steps that have a service, and the ones that should but do not. */
export function planSteps(country: string, audience: Audience, rows: readonly HotlineRow[]) {
  const candidates = candidatesByStep(country, rows)
  const steps: PlannedStep[] = []
  const missing: StepKind[] = []
  for (const kind of STEPS[audience]) {
    // The fallback is only wanted where there is no national hotline for the harm type.
    if (kind === 'INTERNATIONAL_FALLBACK' && candidates.NATIONAL_HOTLINE.length) continue
    if (candidates[kind].length) steps.push({ kind, candidates: candidates[kind] })
    else missing.push(kind)
  }
  return { steps, missing }
}

const regionNames = new Intl.DisplayNames('en', { type: 'region' })

// "Child sexual abuse material" reads "child sexual abuse material" mid-sentence; "AI-generated" stays.
const inSentence = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label)

export function reasonFor(kind: StepKind, hotline: HotlineRow, country: string, harm: HarmTypeRow): string {
  const place = regionNames.of(country) ?? country
  const name = pickText(hotline.names, 'en')
  const harmLabel = inSentence(pickText(harm.labels, 'en') ?? harm.code)
  switch (kind) {
    case 'EMERGENCY':
      return `If a child is in immediate danger, call the emergency number in ${place} first.`
    case 'NATIONAL_HOTLINE':
      return `${name} is the national reporting hotline in ${place} that accepts reports of ${harmLabel}: report the content there so that it can be assessed and removed.`
    case 'LAW_ENFORCEMENT':
      return `${name} is the specialised law-enforcement unit in ${place}; partners with restricted access escalate cases through its escalation channels.`
    case 'CHILD_HELPLINE':
      return hotline.kind === 'CHILD_HELPLINE'
        ? `${name} is a child helpline: the child, or someone on the child's behalf, gets support and referral to services.`
        : `${name} takes child protection cases; the directory has no dedicated child helpline in ${place} for this.`
    case 'INTERNATIONAL_FALLBACK':
      return hotline.serves.includes(country)
        ? `The directory has no national hotline in ${place} that accepts reports of ${harmLabel}: ${name} takes reports for ${place}.`
        : `The directory has no national hotline in ${place} that accepts reports of ${harmLabel}: use ${name}. ${pickText(hotline.descriptions, 'en') ?? ''}`.trim()
    case 'PLATFORM_REPORTING':
      return `US-based platforms report to ${name}; this does not replace the national steps above.`
  }
}

export interface Ranking {
  now: Date
  staleAfterDays: number
  /** Canonical BCP 47 tag of the preferred language. */
  lang?: string
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0]

/**
 * The best channel among the candidates' channels: open now (unknown hours after open ones),
 * verified, not stale, in the preferred language, phone before web; then the service's rank and
 * the channel's own order. `channels[i]` belongs to `candidates[i]`.
 */
export function bestChannel(channels: readonly ChannelRow[][], ranking: Ranking): ChannelRow | null {
  const wanted = ranking.lang ? primary(ranking.lang) : null
  const keyOf = (c: ChannelRow, candidate: number) => {
    const open = c.schedule ? isOpenAt(c.schedule, ranking.now) : null
    return [
      open === true ? 0 : open === null ? 1 : 2,
      c.verified ? 0 : 1,
      isStale(c.verified_at, ranking.now, ranking.staleAfterDays) ? 1 : 0,
      !wanted || c.languages.some((l) => primary(l) === wanted) ? 0 : 1,
      CHANNEL_PREFERENCE[c.type],
      candidate,
      c.position,
    ]
  }
  let best: { channel: ChannelRow; key: number[] } | null = null
  channels.forEach((list, candidate) => {
    for (const channel of list) {
      const key = keyOf(channel, candidate)
      if (!best || compareKeys(key, best.key) < 0) best = { channel, key }
    }
  })
  return (best as { channel: ChannelRow } | null)?.channel ?? null
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}
