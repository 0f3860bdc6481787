// Staff upkeep of contact channels: add one (every field validated, every violation reported at
// once) and record a successful re-check, which clears the stale flag.
import { randomBytes } from 'node:crypto'
import { forbidden, notFound } from '../common/errors.ts'
import { isStaff } from '../common/identity.ts'
import { requireId } from '../common/ids.ts'
import { Validator } from '../common/validate.ts'
import { checkChannelValue, checkLanguages, type ChannelType, type Visibility } from './contacts.ts'
import type { Context } from './context.ts'
import { checkSchedule, type ScheduleInput } from './schedule.ts'

interface ChannelInput {
  type: ChannelType
  value: string
  country?: string | null
  label?: string | null
  languages?: string[] | null
  visibility?: Visibility | null
  freeOfCharge?: boolean | null
  schedule?: ScheduleInput | null
  source: string
  verified?: boolean | null
}

function requireStaff(ctx: Context) {
  if (!isStaff(ctx.identity)) throw forbidden('Only the ASEAN Secretariat and admins maintain contact channels.')
}

export async function addContactChannel(_: unknown, { hotlineId, input }: { hotlineId: string; input: ChannelInput }, ctx: Context) {
  requireStaff(ctx)
  const hotline = await ctx.loaders.hotline.load(requireId(hotlineId, 'hotlineId'))
  if (!hotline) throw notFound('hotline', hotlineId)
  const v = new Validator()
  // Numbers and short codes belong to a country: the one given, else the service's own.
  const country = input.country != null ? (v.country('input.country', input.country) ?? null) : (hotline.country ?? hotline.serves[0] ?? null)
  const value = checkChannelValue(v, 'input.value', input.type, input.value, country)
  const languages = checkLanguages(v, 'input.languages', input.languages ?? [])
  v.text('input.label', input.label, { max: 200 })
  v.text('input.source', input.source, { required: true, max: 500 })
  const schedule = input.schedule ? checkSchedule(v, 'input.schedule', input.schedule) : null
  v.throwIfInvalid()

  const id = `${hotline.id.slice(0, 60)}-${input.type.toLowerCase().replace(/_/g, '-')}-${randomBytes(3).toString('hex')}`
  await ctx.repo.insertChannel({
    id,
    hotline_id: hotline.id,
    type: input.type,
    ...value!,
    labels: input.label ? [{ lang: 'en', value: input.label.trim() }] : [],
    languages,
    visibility: input.visibility ?? 'PUBLIC',
    free_of_charge: input.freeOfCharge ?? null,
    verified: input.verified ?? false,
    verified_at: ctx.now,
    source: input.source.trim(),
    schedule: schedule ?? null,
    inherits_schedule: !input.schedule,
  })
  return ctx.loaders.channel.load(id)
}

export async function confirmContactChannel(_: unknown, { id, source }: { id: string; source: string }, ctx: Context) {
  requireStaff(ctx)
  requireId(id)
  const v = new Validator()
  v.text('source', source, { required: true, max: 500 })
  v.throwIfInvalid()
  if (!(await ctx.repo.confirmChannel(id, ctx.now, source.trim()))) throw notFound('contact channel', id)
  return ctx.loaders.channel.load(id)
}
