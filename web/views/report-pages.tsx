// "I need to report…": first what happened (the harm types in plain words), then the steps.
import type { HarmTypesQuery, PathwayQuery } from '../graphql/generated.ts'
import { list } from '../i18n/format.ts'
import { href, usePage } from './context.ts'
import { Emergency } from './emergency.tsx'
import { Layout } from './layout.tsx'
import { Steps } from './steps.tsx'
import { langAttr } from './text.ts'

type Harm = HarmTypesQuery['harmTypes'][number]
const WHO = ['child', 'caregiver', 'professional'] as const

/** A harm in plain words where the interface has them; the directory's own label otherwise. */
function HarmName(props: { harm: Pick<Harm, 'code' | 'label' | 'labels'> }) {
  const { t, locale } = usePage()
  const key = `harm.${props.harm.code}`
  if (t.has(key)) return <span lang={t.lang(key) === locale ? undefined : t.lang(key)}>{t(key)}</span>
  return <span lang={langAttr(props.harm.label, props.harm.labels, locale)}>{props.harm.label}</span>
}

export function HarmChoice(props: { country: NonNullable<HarmTypesQuery['country']>; harms: Harm[] }) {
  const { t, locale } = usePage()
  const cc = props.country.code.toLowerCase()
  return (
    <Layout title={t('report.title')}>
      <p>
        <a href={href(locale, `/${cc}`)}>← {props.country.name}</a>
      </p>
      <h1>{t('report.title')}</h1>
      <p class="lead">{t('report.intro')}</p>
      <ul class="choices">
        {props.harms.map((h) => (
          <li key={h.code}>
            <a href={href(locale, `/${cc}/report/${h.code}`)}>
              <strong>
                <HarmName harm={h} />
              </strong>
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  )
}

export function PathwayPage(props: {
  who: string
  country: NonNullable<PathwayQuery['country']>
  harm: NonNullable<PathwayQuery['harmType']>
  pathway: NonNullable<PathwayQuery['referralPathway']>
  partial: boolean
}) {
  const { t, locale } = usePage()
  const cc = props.country.code.toLowerCase()
  const base = `/${cc}/report/${props.harm.code}`
  return (
    <Layout title={t('report.title')}>
      <p>
        <a href={href(locale, `/${cc}/report`)}>← {t('report.change')}</a>
      </p>
      <h1>
        <HarmName harm={props.harm} />
      </h1>
      <p class="lead">{t('report.stepsIntro', { country: props.country.name })}</p>
      {props.partial && <p class="notice" role="status">{t('country.partial')}</p>}
      <Emergency numbers={props.country.emergencyNumbers} />
      <nav aria-label={t('report.who')}>
        <p>{t('report.who')}</p>
        <ul class="tabs">
          {WHO.map((w) => (
            <li key={w}>
              <a href={href(locale, `${base}?for=${w}`)} aria-current={w === props.who ? 'page' : undefined}>
                {t(`report.for.${w}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t('report.stepsTitle')}</h2>
      <Steps steps={props.pathway.steps} />
      {props.pathway.missingSteps.length > 0 && (
        <p class="notice">{t('report.missing', { kinds: list(props.pathway.missingSteps.map((k) => t(`step.${k}.title`)), locale) })}</p>
      )}
    </Layout>
  )
}
