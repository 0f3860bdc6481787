// A service on the country page: its name, what it is for, whether it is open now, its one-tap
// channels, hours, languages, and when and where its facts were last checked.
import type { CountryPageQuery } from '../graphql/generated.ts'
import { languageName, list } from '../i18n/format.ts'
import { ChannelItem } from './channels.tsx'
import { usePage } from './context.ts'
import { Checked, Hours, OpenBadge } from './hours.tsx'
import { langAttr } from './text.ts'

export type Hotline = NonNullable<NonNullable<CountryPageQuery['country']>['hotlines']>[number]

export function HotlineCard(props: { hotline: Hotline }) {
  const { t, locale } = usePage()
  const h = props.hotline
  return (
    <li class="card" id={`service-${h.id}`}>
      <h3 lang={langAttr(h.name, h.names, locale)}>{h.name}</h3>
      <p>
        <OpenBadge open={h.openNow} />
        {h.languages.length > 0 && <span class="meta"> · {t('hotline.languages', { languages: list(h.languages.map((l) => languageName(l, locale)), locale) })}</span>}
      </p>
      {h.description && <p lang={langAttr(h.description, h.descriptions, locale)}>{h.description}</p>}
      <ul class="channels">
        {h.channels.map((c) => (
          <ChannelItem channel={c} hotline={h} key={c.id} />
        ))}
      </ul>
      <Hours schedule={h.schedule} />
      <Checked verifiedAt={h.verifiedAt} source={h.source} stale={h.stale} />
    </li>
  )
}
