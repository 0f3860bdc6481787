// The country page: emergency numbers first; then "I need to report…"; child helplines,
// reporting hotlines, the police and social-welfare lines with one-tap channels; resources by
// audience; programs.
import type { CountryPageQuery } from '../graphql/generated.ts'
import { timeIn, zoneCity } from '../i18n/format.ts'
import { href, usePage } from './context.ts'
import { Emergency } from './emergency.tsx'
import { HotlineCard, type Hotline } from './hotline.tsx'
import { Layout } from './layout.tsx'
import { ProgramList, ResourceList } from './listings.tsx'
import { langAttr, withElement } from './text.ts'

type Data = CountryPageQuery & { country: NonNullable<CountryPageQuery['country']> }

const SECTIONS = ['CHILD_HELPLINE', 'REPORTING_HOTLINE', 'LAW_ENFORCEMENT', 'SOCIAL_WELFARE'] as const
const AUDIENCES = ['CHILDREN', 'PARENTS', 'TEACHERS'] as const

export function CountryPage(props: { data: Data; partial: boolean }) {
  const { t, locale, now } = usePage()
  const { country, programs } = props.data
  const name = <span lang={langAttr(country.name, country.names, locale)}>{country.name}</span>
  const hotlines = country.hotlines ?? []
  const resources = country.resources ?? []
  const cc = country.code.toLowerCase()
  const emergency = country.emergencyNumbers.length
    ? country.emergencyNumbers
    : hotlines.filter((h) => h.kind === 'EMERGENCY').flatMap((h) => h.channels.filter((c) => c.type === 'SHORT_CODE').map((c) => ({ number: c.value, service: null })))
  return (
    <Layout title={country.name}>
      <h1>{withElement((marker) => t('country.title', { country: marker }), name)}</h1>
      {props.partial && <p class="notice" role="status">{t('country.partial')}</p>}
      <Emergency numbers={emergency} />
      <a class="cta" href={href(locale, `/${cc}/report`)}>
        <strong>{t('report.cta')}</strong>
        <span>{t('report.ctaHint')}</span>
      </a>
      <p class="meta">
        {t('country.localTime', { times: country.timeZones.map((z) => (country.timeZones.length > 1 ? `${timeIn(z, locale, now)} (${zoneCity(z)})` : timeIn(z, locale, now))).join(', ') })}
      </p>
      {SECTIONS.map((kind) => (
        <Section kind={kind} hotlines={hotlines.filter((h) => h.kind === kind)} key={kind} />
      ))}
      <h2>{t('resources.title')}</h2>
      {AUDIENCES.map((audience) => {
        const list = resources.filter((r) => r.audiences.includes(audience))
        return list.length ? <ResourceList heading={t(`audience.${audience}`)} resources={list} key={audience} /> : null
      })}
      {(() => {
        const others = resources.filter((r) => !r.audiences.some((a) => (AUDIENCES as readonly string[]).includes(a)))
        return others.length ? <ResourceList heading={t('audience.OTHER')} resources={others} /> : null
      })()}
      {resources.length === 0 && <p>{t('country.noneListed')}</p>}
      <h2>{t('programs.title')}</h2>
      <ProgramList programs={programs.nodes} />
      {programs.totalCount > programs.nodes.length && (
        <p>
          <a href={href(locale, `/search?type=programs&country=${cc}`)}>{t('programs.all', { count: programs.totalCount })}</a>
        </p>
      )}
    </Layout>
  )
}

function Section(props: { kind: (typeof SECTIONS)[number]; hotlines: Hotline[] }) {
  const { t } = usePage()
  if (props.hotlines.length === 0 && props.kind === 'SOCIAL_WELFARE') return null
  return (
    <section aria-labelledby={`kind-${props.kind}`}>
      <h2 id={`kind-${props.kind}`}>{t(`kind.${props.kind}`)}</h2>
      <p class="lead">{t(`kind.${props.kind}.intro`)}</p>
      {props.hotlines.length ? (
        <ul class="cards">
          {props.hotlines.map((h) => (
            <HotlineCard hotline={h} key={h.id} />
          ))}
        </ul>
      ) : (
        <p>{t('country.noneListed')}</p>
      )}
    </section>
  )
}
