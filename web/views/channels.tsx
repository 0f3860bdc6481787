// One-tap links for each kind of contact channel: tel: for numbers and short codes, sms:, the
// messaging apps' own links (WhatsApp, LINE, Zalo, Messenger), and web forms, chats and sites.
// A channel whose value cannot be made into a safe link is shown as text, never guessed at.
import type { CountryPageQuery } from '../graphql/generated.ts'
import { languageName, list } from '../i18n/format.ts'
import { usePage } from './context.ts'
import { Checked, Hours, OpenBadge } from './hours.tsx'
import { safeHttpUrl } from './text.ts'

type Hotline = NonNullable<CountryPageQuery['country']>['hotlines'] extends (infer H)[] | null ? H : never
export type Channel = Hotline['channels'][number]

const digits = (value: string) => value.replace(/[^\d+]/g, '')
const e164 = (value: string) => (/^\+\d{6,15}$/.test(digits(value)) ? digits(value) : undefined)

/** The link that opens the channel on a phone, or undefined when there is none to be sure of. */
export function channelHref(channel: Pick<Channel, 'type' | 'value'>): string | undefined {
  const { type, value } = channel
  switch (type) {
    case 'PHONE':
    case 'TOLL_FREE':
    case 'SHORT_CODE':
      return /^\+?\d{2,15}$/.test(digits(value)) ? `tel:${digits(value)}` : undefined
    case 'SMS':
      return /^\+?\d{2,15}$/.test(digits(value)) ? `sms:${digits(value)}` : undefined
    case 'WHATSAPP': {
      const number = e164(value)
      return number ? `https://wa.me/${number.slice(1)}` : safeHttpUrl(value)
    }
    case 'LINE':
      if (/^@[\w.-]{2,40}$/.test(value)) return `https://line.me/R/ti/p/${encodeURIComponent(value)}`
      return safeHttpUrl(value)
    case 'ZALO': {
      const number = e164(value)
      return number ? `https://zalo.me/${number.slice(1)}` : safeHttpUrl(value)
    }
    case 'EMAIL':
      return /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(value) ? `mailto:${value}` : undefined
    default:
      return safeHttpUrl(value)
  }
}

export function ChannelItem(props: { channel: Channel; hotline: { verifiedAt: string | null; source: string } }) {
  const { t, locale } = usePage()
  const c = props.channel
  const link = channelHref(c)
  const external = link?.startsWith('http')
  const label = c.label ?? undefined
  const action = (
    <>
      <span>{t(`channel.${c.type}`)}</span>
      <span class="how" dir="ltr">
        {c.display}
      </span>
    </>
  )
  return (
    <li>
      {link ? (
        <a class="btn" href={link} rel={external ? 'noreferrer' : undefined} aria-label={`${t(`channel.${c.type}`)}: ${c.display}${label ? ` (${label})` : ''}`}>
          {action}
        </a>
      ) : (
        <span class="btn secondary">{action}</span>
      )}
      <p class="meta">
        {label && <span lang={locale !== 'en' && label === c.labelEn ? 'en' : undefined}>{label} · </span>}
        <OpenBadge open={c.openNow} />
        {c.freeOfCharge ? ` · ${t('hotline.free')}` : ''}
        {c.languages.length > 0 && ` · ${t('hotline.languages', { languages: list(c.languages.map((l) => languageName(l, locale)), locale) })}`}
      </p>
      {!c.scheduleInherited && c.schedule && <Hours schedule={c.schedule} />}
      {/* The service's own check is shown once for the service; a channel's only where it differs. */}
      {(c.verifiedAt !== props.hotline.verifiedAt || c.source !== props.hotline.source) && <Checked verifiedAt={c.verifiedAt} source={c.source} />}
    </li>
  )
}
