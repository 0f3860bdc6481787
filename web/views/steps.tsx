// The referral pathway's steps, in order: the service for each, what to do there, and the one
// contact to use (priority mode), as a tap to call or open. Shared by the report page and the widget.
import type { PathwayQuery } from '../graphql/generated.ts'
import { channelHref } from './channels.tsx'
import { usePage } from './context.ts'
import { OpenBadge } from './hours.tsx'
import { langAttr } from './text.ts'

export type Step = NonNullable<PathwayQuery['referralPathway']>['steps'][number]

export function Steps(props: { steps: Step[]; compact?: boolean }) {
  const { t, locale } = usePage()
  return (
    <ol class="steps">
      {props.steps.map((s) => {
        const link = s.contact ? channelHref(s.contact) : undefined
        return (
          <li key={s.order}>
            <h3>
              <span class="meta">{t(`step.${s.kind}.title`)}: </span>
              <span lang={langAttr(s.hotline.name, s.hotline.names, locale)}>{s.hotline.name}</span>
            </h3>
            {!props.compact && <p>{t(`step.${s.kind}`)}</p>}
            {s.contact ? (
              <p>
                {link ? (
                  <a class="btn" href={link} rel={link.startsWith('http') ? 'noreferrer' : undefined} target={props.compact && link.startsWith('http') ? '_blank' : undefined}>
                    {t(`channel.${s.contact.type}`)} <span dir="ltr">{s.contact.display}</span>
                  </a>
                ) : (
                  <span class="btn secondary">
                    {t(`channel.${s.contact.type}`)} <span dir="ltr">{s.contact.display}</span>
                  </span>
                )}{' '}
                <OpenBadge open={s.contact.openNow} />
              </p>
            ) : (
              <p class="meta">{t('report.noContact')}</p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
