// Contact channels to HSDS: numbers that can be dialled or texted become `phone` records, email
// addresses `contact` records (and the service's `email`), the website or else the reporting form
// the service's `url`. Messaging apps (WhatsApp, Zalo, LINE, Messenger), web chats and whatever
// HSDS has no field for appear only in the profile's `contact_channels`, which lists every
// exported channel with what HSDS cannot say: its type, E.164 form, the one country a national
// short code works in, visibility, verification and source. Only public channels are ever given
// to this module (the export never asks for the others).
import type { Channel, OpeningHours } from './graphql.ts'
import { hsdsId } from './ids.ts'
import { languages, type HsdsLanguage } from './languages.ts'

const VOICE = new Set(['PHONE', 'SHORT_CODE', 'TOLL_FREE'])

export interface HsdsPhone {
  id: string
  service_id: string
  number: string
  type: 'voice' | 'text'
  description?: string
  languages: HsdsLanguage[]
  channel_type: string
  e164: string | null
  dialable_in: string | null
  free_of_charge?: boolean | null
  verified?: boolean
  verified_at?: string | null
  source?: string
  visibility: 'public'
}

export interface HsdsContact {
  id: string
  service_id: string
  name?: string
  email: string
}

/** A channel in full, as the profile's `contact_channels` lists it. */
export interface ProfileChannel {
  id: string
  directory_id: string
  type: string
  value: string
  display: string
  e164: string | null
  dialable_in: string | null
  label: string | null
  languages: string[]
  visibility: 'public'
  free_of_charge: boolean | null
  verified: boolean
  verified_at: string | null
  source: string
  schedule: ProfileHours | null
  schedule_inherited: boolean
}

export interface ProfileHours {
  timezone_name: string
  always_open: boolean
  intervals: { day: string; opens: string; closes: string }[]
  note?: string
}

export const profileHours = (h: OpeningHours | null): ProfileHours | null =>
  h && {
    timezone_name: h.timeZone,
    always_open: h.alwaysOpen,
    intervals: h.intervals.map(({ day, opens, closes }) => ({ day, opens, closes })),
    ...(h.note ? { note: h.note } : {}),
  }

export function channelParts(channels: readonly Channel[], serviceId: string) {
  const phones: HsdsPhone[] = []
  const contacts: HsdsContact[] = []
  const contactChannels: ProfileChannel[] = []
  for (const c of channels) {
    // Defence in depth: the query asks for public channels only; anything else is dropped here too.
    if (c.visibility !== 'PUBLIC') continue
    const id = hsdsId('channel', c.id)
    contactChannels.push({
      id,
      directory_id: c.id,
      type: c.type,
      value: c.value,
      display: c.display,
      e164: c.e164,
      dialable_in: c.dialableIn?.code ?? null,
      label: c.label,
      languages: c.languages,
      visibility: 'public',
      free_of_charge: c.freeOfCharge,
      verified: c.verified,
      verified_at: c.verifiedAt,
      source: c.source,
      schedule: profileHours(c.schedule),
      schedule_inherited: c.scheduleInherited,
    })
    if (VOICE.has(c.type) || c.type === 'SMS') {
      phones.push({
        id,
        service_id: serviceId,
        number: c.display,
        type: c.type === 'SMS' ? 'text' : 'voice',
        ...(c.label ? { description: c.label } : {}),
        languages: languages(c.languages, { phone_id: id }),
        channel_type: c.type,
        e164: c.e164,
        dialable_in: c.dialableIn?.code ?? null,
        free_of_charge: c.freeOfCharge,
        verified: c.verified,
        verified_at: c.verifiedAt,
        source: c.source,
        visibility: 'public',
      })
    } else if (c.type === 'EMAIL') {
      contacts.push({ id, service_id: serviceId, ...(c.label ? { name: c.label } : {}), email: c.value })
    }
  }
  const first = (type: string) => channels.find((c) => c.visibility === 'PUBLIC' && c.type === type)?.value
  return {
    phones,
    contacts,
    contactChannels,
    url: first('WEBSITE') ?? first('WEB_FORM'),
    email: first('EMAIL'),
  }
}
