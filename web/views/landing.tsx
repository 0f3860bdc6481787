// Choose a country (a list of links, and a form that works without JavaScript) and a language.
import type { CountriesQuery } from '../graphql/generated.ts'
import { AUTONYMS, LOCALES } from '../i18n/locales.ts'
import { href, usePage } from './context.ts'
import { Layout } from './layout.tsx'
import { langAttr } from './text.ts'

export function Landing(props: { countries: CountriesQuery['countries'] }) {
  const { t, locale } = usePage()
  return (
    <Layout title={t('landing.title')}>
      <h1>{t('landing.title')}</h1>
      <p class="lead">{t('landing.intro')}</p>
      <p class="notice">{t('landing.danger')}</p>
      <h2>{t('landing.chooseCountry')}</h2>
      <ul class="choices" aria-label={t('landing.country')}>
        {props.countries.map((c) => (
          <li key={c.code}>
            <a href={href(locale, `/${c.code.toLowerCase()}`)} lang={langAttr(c.name, c.names, locale)}>
              <strong>{c.name}</strong>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('landing.chooseBoth')}</h2>
      <form class="stack" method="get" action="/go">
        <div>
          <label for="country">{t('landing.country')}</label>
          <select id="country" name="country" required>
            {props.countries.map((c) => (
              <option value={c.code.toLowerCase()} key={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="lang">{t('nav.language')}</label>
          <select id="lang" name="lang">
            {LOCALES.map((l) => (
              <option value={l} selected={l === locale} lang={l} key={l}>
                {AUTONYMS[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button class="btn" type="submit">
            {t('landing.go')}
          </button>
        </div>
      </form>
    </Layout>
  )
}
