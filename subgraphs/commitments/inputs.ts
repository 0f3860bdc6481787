// Checks for codes that name rows (plans, focus areas) and for member states. Each adds a
// violation naming the allowed values to the caller's Validator, so one reply lists every fault.
import { ASEAN_MEMBER_CODES } from '../common/countries.ts'
import type { Validator } from '../common/validate.ts'
import type { Context } from './context.ts'
import type { FocusAreaRow, PlanRow } from './repository.ts'

export const DEFAULT_PLAN = 'rpa-coea-2021-2025'

const quote = (value: string) => `"${value.slice(0, 40)}"`

export async function checkPlan(ctx: Context, v: Validator, path: string, code: string | null | undefined): Promise<PlanRow | null> {
  if (code == null) return null
  const plan = await ctx.loaders.plan.load(code)
  if (!plan) {
    const plans = await ctx.repo.plans(null)
    v.fail(path, `${quote(code)} is not a plan; plans: ${plans.map((p) => p.code).join(', ')}`)
  }
  return plan
}

export async function checkFocusArea(ctx: Context, v: Validator, path: string, code: string | null | undefined): Promise<FocusAreaRow | null> {
  if (code == null) return null
  const area = await ctx.loaders.focusArea.load(code)
  if (!area) {
    const areas = await ctx.repo.focusAreas(null, null)
    v.fail(path, `${quote(code)} is not a focus area; focus areas: ${areas.map((a) => a.code).join(', ')}`)
  }
  return area
}

/** ISO 3166-1 alpha-2 code of an ASEAN member state (upper-cased). */
export function checkMemberState(v: Validator, path: string, code: string | null | undefined): string | null {
  if (code == null) return null
  const upper = code.toUpperCase()
  v.oneOf(path, upper, ASEAN_MEMBER_CODES)
  return upper
}
