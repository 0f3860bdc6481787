// Every interface message exists in every language, parses as ICU, and uses the same arguments as
// the English one; every key the views compose (per channel type, harm, step kind…) exists; and
// every translation says whether a native speaker has checked it.
import { readdirSync, readFileSync } from 'node:fs'
import { IntlMessageFormat } from 'intl-messageformat'
import { parse as parseIcu, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { buildSchema, isEnumType } from 'graphql'
import t from 'tap'
import { apiSchemaSdl } from '../../web/graphql/codegen.ts'
import { LOCALES } from '../../web/i18n/locales.ts'
import { MESSAGE_FILES } from '../../web/i18n/messages.ts'

const en = MESSAGE_FILES.en.messages

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue
    if (e.type === TYPE.tag) {
      argumentsOf(e.children, into)
      continue
    }
    into.add(e.value)
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) argumentsOf(option.value, into)
  }
  return into
}

t.test('every language has every message, with the same arguments', async (t) => {
  for (const locale of LOCALES) {
    const file = MESSAGE_FILES[locale]
    const keys = Object.keys(file.messages)
    t.same(Object.keys(en).filter((k) => !keys.includes(k)), [], `${locale}: no message missing`)
    t.same(keys.filter((k) => !(k in en)), [], `${locale}: no message unknown to English`)
    for (const [key, source] of Object.entries(file.messages)) {
      const args = [...argumentsOf(parseIcu(source))].sort()
      t.same(args, [...argumentsOf(parseIcu(en[key as keyof typeof en] ?? ''))].sort(), `${locale} ${key}: same arguments as English`)
      t.doesNotThrow(() => new IntlMessageFormat(source, locale), `${locale} ${key} compiles`)
    }
  }
})

t.test('each translation says whether a native speaker has checked it', async (t) => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    t.match(MESSAGE_FILES[locale].$review, /native speaker/, `${locale}: ${MESSAGE_FILES[locale].$review}`)
  }
})

t.test('every key the views use exists', async (t) => {
  const schema = buildSchema(await apiSchemaSdl())
  const values = (name: string) => {
    const type = schema.getType(name)
    return isEnumType(type) ? type.getValues().map((v) => v.name) : []
  }
  const composed = [
    ...values('ContactChannelType').map((v) => `channel.${v}`),
    ...[...values('EmergencyService'), 'ANY'].map((v) => `emergency.${v}`),
    ...values('ReferralStepKind').flatMap((v) => [`step.${v}`, `step.${v}.title`]),
    ...[...values('Audience'), 'OTHER'].map((v) => `audience.${v}`),
    ...values('ResourceKind').map((v) => `resourceKind.${v}`),
    ...values('PartnerKind').map((v) => `partnerKind.${v}`),
    ...['CHILD_HELPLINE', 'REPORTING_HOTLINE', 'LAW_ENFORCEMENT', 'SOCIAL_WELFARE'].flatMap((v) => [`kind.${v}`, `kind.${v}.intro`]),
    ...['child', 'caregiver', 'professional'].map((v) => `report.for.${v}`),
    ...['programs', 'resources', 'partners'].map((v) => `search.type.${v}`),
    ...['notFound', 'unavailable'].flatMap((v) => [`${v}.title`, `${v}.body`]),
  ]
  const views = new URL('../../web/', import.meta.url)
  const literal = readdirSync(views, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((f) => [...readFileSync(new URL(f, views), 'utf8').matchAll(/\bt\('([a-zA-Z0-9.-]+)'/g)].map((m) => m[1]!))
  t.ok(literal.length > 40, `${literal.length} literal keys found`)
  t.same([...new Set([...composed, ...literal])].filter((k) => !(k in en)), [], 'no key missing from the English file')
})
