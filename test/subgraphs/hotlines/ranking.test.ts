import t from 'tap'
import { bestChannel } from '../../../subgraphs/hotlines/pathway.ts'
import type { ChannelRow } from '../../../subgraphs/hotlines/repository.ts'

const NOW = new Date('2026-06-01T03:00:00Z') // Monday, 10:00 in Bangkok
const FRESH = new Date('2026-05-01T00:00:00Z')
const OLD = new Date('2024-01-01T00:00:00Z')
const ALWAYS = { timeZone: 'Asia/Bangkok', alwaysOpen: true, intervals: [] }
const NIGHTS = { timeZone: 'Asia/Bangkok', alwaysOpen: false, intervals: [{ day: 'MONDAY' as const, opens: '20:00', closes: '06:00' }] }

function channel(id: string, extra: Partial<ChannelRow> = {}): ChannelRow {
  return {
    id,
    hotline_id: 'h',
    type: 'SHORT_CODE',
    value: id,
    display: id,
    e164: null,
    dialable_in: 'TH',
    labels: [],
    languages: ['th'],
    visibility: 'PUBLIC',
    free_of_charge: null,
    verified: true,
    verified_at: FRESH,
    source: 'test',
    schedule: ALWAYS,
    inherits_schedule: true,
    position: 0,
    own_languages: [],
    own_schedule: null,
    status: 'ACTIVE',
    version: 1,
    verified_by: null,
    updated_at: FRESH,
    operator_id: null,
    hotline_status: 'ACTIVE',
    service_country: 'TH',
    ...extra,
  }
}

const best = (channels: ChannelRow[][], lang?: string) => bestChannel(channels, { now: NOW, staleAfterDays: 180, lang })?.id

t.test('an open channel beats one with unknown hours, which beats a closed one', async (t) => {
  t.equal(best([[channel('closed', { schedule: NIGHTS }), channel('unknown', { schedule: null }), channel('open')]]), 'open')
  t.equal(best([[channel('closed', { schedule: NIGHTS }), channel('unknown', { schedule: null })]]), 'unknown')
})

t.test('then verified, then fresh', async (t) => {
  t.equal(best([[channel('unverified', { verified: false }), channel('verified', { position: 1 })]]), 'verified')
  t.equal(best([[channel('stale', { verified_at: OLD }), channel('fresh', { position: 1 })]]), 'fresh')
})

t.test('then the preferred language, by its language subtag', async (t) => {
  const lines = [[channel('thai'), channel('english', { languages: ['en'], position: 1 })]]
  t.equal(best(lines), 'thai')
  t.equal(best(lines, 'en-GB'), 'english')
  t.equal(best([[channel('hmong', { languages: ['lo', 'hmn'] })], [channel('lao', { languages: ['lo'] })]], 'hmn'), 'hmong')
})

t.test('then phone before web, then the better-ranked service', async (t) => {
  t.equal(best([[channel('web', { type: 'WEB_FORM' }), channel('whatsapp', { type: 'WHATSAPP', position: 1 }), channel('call', { type: 'TOLL_FREE', position: 2 })]]), 'call')
  t.equal(best([[channel('better-ranked', { hotline_id: 'a' })], [channel('worse-ranked', { hotline_id: 'b' })]]), 'better-ranked')
  t.equal(best([]), undefined, 'no channel, no contact')
})
