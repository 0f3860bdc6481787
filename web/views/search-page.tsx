// The search form (works without JavaScript: GET), tabs for the three kinds, results and pages.
import type { Audience, CountriesQuery, SearchPartnersQuery, SearchProgramsQuery, SearchResourcesQuery } from '../graphql/generated.ts'
import { href, usePage } from './context.ts'
import { Layout } from './layout.tsx'
import { ProgramList, ResourceList } from './listings.tsx'
import { langAttr, safeHttpUrl } from './text.ts'

export interface SearchParams {
  q: string
  type: 'programs' | 'resources' | 'partners'
  country: string
  audience: Audience | ''
  after: string
}

export type SearchResults =
  | { type: 'partners'; connection: SearchPartnersQuery['partners'] | null; failed: boolean }
  | { type: 'programs'; connection: SearchProgramsQuery['programs'] | null; failed: boolean }
  | { type: 'resources'; connection: SearchResourcesQuery['resources'] | null; failed: boolean }

const AUDIENCES = ['CHILDREN', 'PARENTS', 'TEACHERS', 'LAW_ENFORCEMENT', 'INDUSTRY', 'POLICYMAKERS']

function searchUrl(locale: string, p: SearchParams, change: Partial<SearchParams>): string {
  const next = { ...p, ...change }
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(next)) if (v) qs.set(k, v)
  return `/${locale}/search?${qs}`
}

export function SearchPage(props: { params: SearchParams; countries: CountriesQuery['countries']; results: SearchResults }) {
  const { t, locale } = usePage()
  const p = props.params
  const r = props.results
  const total = r.connection?.totalCount ?? 0
  return (
    <Layout title={p.q ? t('search.titleFor', { q: p.q }) : t('search.title')}>
      <h1>{t('search.title')}</h1>
      <form class="filters" method="get" action={href(locale, '/search')} role="search">
        <div>
          <label for="q">{t('search.label')}</label>
          <input type="search" id="q" name="q" value={p.q} />
        </div>
        <div>
          <label for="country">{t('landing.country')}</label>
          <select id="country" name="country">
            <option value="">{t('search.anyCountry')}</option>
            {props.countries.map((c) => (
              <option value={c.code.toLowerCase()} selected={c.code.toLowerCase() === p.country} key={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="audience">{t('search.audience')}</label>
          <select id="audience" name="audience" disabled={p.type === 'partners'}>
            <option value="">{t('search.anyAudience')}</option>
            {AUDIENCES.map((a) => (
              <option value={a} selected={a === p.audience} key={a}>
                {t(`audience.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="type" value={p.type} />
        <div>
          <button class="btn" type="submit">
            {t('search.submit')}
          </button>
        </div>
      </form>
      <nav aria-label={t('search.kinds')}>
        <ul class="tabs">
          {(['programs', 'resources', 'partners'] as const).map((type) => (
            <li key={type}>
              <a href={searchUrl(locale, p, { type, after: '' })} aria-current={type === p.type ? 'page' : undefined}>
                {t(`search.type.${type}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 aria-live="polite">{r.failed && !r.connection ? t('unavailable.title') : t('search.results', { count: total })}</h2>
      {r.failed && <p class="notice">{t('search.partial')}</p>}
      {r.type === 'programs' && r.connection && <ProgramList programs={r.connection.nodes} />}
      {r.type === 'resources' && r.connection && <ResourceList resources={r.connection.nodes} />}
      {r.type === 'partners' && r.connection && <PartnerList partners={r.connection.nodes} />}
      <nav class="pager" aria-label={t('search.pages')}>
        {p.after && <a href={searchUrl(locale, p, { after: '' })}>{t('search.first')}</a>}
        {r.connection?.pageInfo.hasNextPage && r.connection.pageInfo.endCursor && (
          <a href={searchUrl(locale, p, { after: r.connection.pageInfo.endCursor })} rel="next">
            {t('search.next')}
          </a>
        )}
      </nav>
    </Layout>
  )
}

function PartnerList(props: { partners: SearchPartnersQuery['partners']['nodes'] }) {
  const { t, locale } = usePage()
  if (props.partners.length === 0) return null
  return (
    <ul class="cards">
      {props.partners.map((p) => {
        const website = safeHttpUrl(p.website)
        return (
          <li class="card" key={p.id}>
            <h3 lang={langAttr(p.name, p.names, locale)}>{website ? <a href={website} rel="noreferrer">{p.name}</a> : p.name}</h3>
            <p class="meta">{t(`partnerKind.${p.kind}`)}</p>
          </li>
        )
      })}
    </ul>
  )
}
