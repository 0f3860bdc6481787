// The widget's page: compact, no site header or footer, the quick exit still first.
import type { HarmTypesQuery, PathwayQuery } from '../graphql/generated.ts'
import { href, usePage } from './context.ts'
import { Emergency, type EmergencyNumber } from './emergency.tsx'
import { Layout } from './layout.tsx'
import { Steps, type Step } from './steps.tsx'

export function WidgetPage(props: {
  country: { code: string; name: string }
  harms?: HarmTypesQuery['harmTypes']
  harm?: NonNullable<PathwayQuery['harmType']>
  steps?: Step[] | null
  emergency?: EmergencyNumber[]
}) {
  const { t, locale } = usePage()
  const cc = props.country.code.toLowerCase()
  const full = props.harm ? href(locale, `/${cc}/report/${props.harm.code}`) : href(locale, `/${cc}`)
  return (
    <Layout title={t('widget.title')} widget>
      <h1>{t('widget.title')}</h1>
      {props.emergency && <Emergency numbers={props.emergency} />}
      {props.harms && (
        <ul class="choices">
          {props.harms.map((h) => (
            <li key={h.code}>
              <a href={`${href(locale, `/widget/${cc}`)}?harm=${encodeURIComponent(h.code)}`}>{t.has(`harm.${h.code}`) ? t(`harm.${h.code}`) : h.label}</a>
            </li>
          ))}
        </ul>
      )}
      {props.harm && <p class="meta">{t.has(`harm.${props.harm.code}`) ? t(`harm.${props.harm.code}`) : props.harm.label}</p>}
      {/* The emergency numbers are already first: the steps after them, each with its contact. */}
      {props.steps && <Steps steps={props.steps.filter((s) => s.contact && !(s.kind === 'EMERGENCY' && props.emergency?.length))} compact />}
      {props.steps === null && <p class="notice">{t('widget.unavailable')}</p>}
      <p>
        <a href={full} target="_blank" rel="noreferrer">
          {t('widget.more', { country: props.country.name })}
        </a>
      </p>
    </Layout>
  )
}
