// A page that only says something: not found, or the directory could not be reached. It still
// carries the quick exit, and the emergency advice when help could not be shown.
import { href, usePage } from './context.ts'
import { Layout } from './layout.tsx'

export function MessagePage(props: { kind: 'notFound' | 'unavailable' }) {
  const { t, locale } = usePage()
  return (
    <Layout title={t(`${props.kind}.title`)}>
      <h1>{t(`${props.kind}.title`)}</h1>
      <p class="lead">{t(`${props.kind}.body`)}</p>
      <p>
        <a class="btn" href={href(locale, '/')}>
          {t('nav.home')}
        </a>
      </p>
    </Layout>
  )
}
