// Query.referralPathway and the checks on its arguments. Every refusal names what is allowed,
// in the message and in extensions.allowed.
import { ASEAN_MEMBER_CODES, requireCountry } from '../common/countries.ts'
import { clientError, forbidden } from '../common/errors.ts'
import { canonicalTag } from '../common/i18n.ts'
import { mayReadRestricted } from '../common/identity.ts'
import type { Context } from './context.ts'
import { AUDIENCES, bestChannel, planSteps, reasonFor, type Audience, type Ranking, type StepKind } from './pathway.ts'
import type { ChannelRow, HarmTypeRow, HotlineRow } from './repository.ts'

export function requirePathwayCountry(code: string): string {
  const upper = requireCountry(code)
  if (!(ASEAN_MEMBER_CODES as readonly string[]).includes(upper)) {
    throw clientError('BAD_USER_INPUT', `The directory has referral pathways for the ASEAN member states only: ${ASEAN_MEMBER_CODES.join(', ')}; got "${upper}".`, {
      argument: 'country',
      allowed: ASEAN_MEMBER_CODES,
    })
  }
  return upper
}

export async function requireHarm(code: string, ctx: Context, argument = 'harm'): Promise<HarmTypeRow> {
  const harm = code.length <= 40 ? await ctx.loaders.harmType.load(code) : null
  if (harm) return harm
  const allowed = (await ctx.repo.allHarmTypes()).map((h) => h.code)
  throw clientError('BAD_USER_INPUT', `"${code.slice(0, 40)}" is not a harm type code. Allowed: ${allowed.join(', ')}.`, { argument, allowed })
}

async function requireLang(lang: string | null | undefined, country: string, ctx: Context): Promise<string | undefined> {
  if (lang == null) return undefined
  const tag = canonicalTag(lang)
  if (tag) return tag
  const offered = [...new Set((await ctx.loaders.hotlinesByCountry.load(country)).flatMap((h) => h.languages))]
  throw clientError(
    'BAD_USER_INPUT',
    `"${lang.slice(0, 40)}" is not a well-formed BCP 47 language tag. Services in ${country} work in: ${offered.join(', ')} (tags such as "th", "zh-Hans-SG" and "fil" are accepted).`,
    { argument: 'lang', allowed: offered },
  )
}

interface PathwayArgs {
  country: string
  harm: string
  audience?: Audience | null
  lang?: string | null
  priority?: boolean | null
}

export interface StepResult {
  order: number
  kind: StepKind
  hotline: HotlineRow
  alternatives: HotlineRow[]
  reason: string
  contact: ChannelRow | null
  /** For escalationContact, resolved only when asked for and allowed. */
  candidates: HotlineRow[]
  priority: boolean
  ranking: Ranking
}

export async function referralPathway(_: unknown, args: PathwayArgs, ctx: Context) {
  const country = requirePathwayCountry(args.country)
  const harm = await requireHarm(args.harm, ctx)
  const lang = await requireLang(args.lang, country, ctx)
  const audience = args.audience ?? 'PROFESSIONAL'
  if (!AUDIENCES.includes(audience)) throw clientError('BAD_USER_INPUT', `audience must be one of ${AUDIENCES.join(', ')}.`, { allowed: AUDIENCES })
  const priority = args.priority ?? false
  const rows = await ctx.repo.pathwayCandidates(country, harm.code)
  for (const row of rows) ctx.loaders.hotline.prime(row.id, row)
  const { steps, missing } = planSteps(country, audience, rows)
  const ranking: Ranking = { now: ctx.now, staleAfterDays: ctx.staleAfterDays, lang }

  const results = await Promise.all(
    steps.map(async ({ kind, candidates }, i): Promise<StepResult> => {
      let hotline = candidates[0]!
      let contact: ChannelRow | null = null
      if (priority) {
        const channels = await Promise.all(candidates.map((c) => ctx.loaders.channels.PUBLIC.load(c.id)))
        contact = bestChannel(channels, ranking)
        if (contact) hotline = candidates.find((c) => c.id === contact!.hotline_id)!
      }
      return {
        order: i + 1,
        kind,
        hotline,
        alternatives: priority ? [] : candidates.slice(1),
        reason: reasonFor(kind, hotline, country, harm),
        contact,
        candidates,
        priority,
        ranking,
      }
    }),
  )
  return { country: { code: country }, harmType: harm, audience, language: lang ?? null, priority, steps: results, missingSteps: missing, generatedAt: ctx.now }
}

export const ReferralStep = {
  operator: (s: StepResult) => (s.hotline.operator_id ? { id: s.hotline.operator_id } : null),
  escalationContact: async (s: StepResult, _: unknown, ctx: Context) => {
    if (!mayReadRestricted(ctx.identity)) {
      throw forbidden('Escalation contacts are restricted to verified tech companies, governments and the ASEAN Secretariat.')
    }
    if (!s.priority || s.kind !== 'LAW_ENFORCEMENT') return null
    const channels = await Promise.all(s.candidates.map((c) => ctx.loaders.channels.RESTRICTED.load(c.id)))
    return bestChannel(channels, s.ranking)
  },
}
