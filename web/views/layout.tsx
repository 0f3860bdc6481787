// The page shell: language, title, the stylesheet and the one small script, the quick-exit
// button first in the page, the language menu, and a footer that says what the site keeps (nothing).
import type { ComponentChildren } from 'preact'
import { AUTONYMS, LOCALES } from '../i18n/locales.ts'
import { href, usePage } from './context.ts'

export function Layout(props: { title: string; children: ComponentChildren; widget?: boolean }) {
  const { locale, t, assets, quickExitUrl, rest } = usePage()
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content={props.widget ? 'noindex' : 'index, follow'} />
        <title>{`${props.title} · ${t('site.name')}`}</title>
        <meta name="description" content={t('site.tagline')} />
        <link rel="stylesheet" href={assets.url('site.css')} />
        <link rel="icon" href="data:," />
        {!props.widget && LOCALES.map((l) => <link rel="alternate" hreflang={l} href={href(l, rest)} key={l} />)}
        <script src={assets.url('enhance.js')} defer />
      </head>
      <body class={props.widget ? 'widget' : undefined}>
        {!props.widget && (
          <a class="skip" href="#main">
            {t('nav.skip')}
          </a>
        )}
        <header class="site">
          <a class="quick-exit" href={quickExitUrl} data-quick-exit rel="noreferrer" target={props.widget ? '_top' : undefined}>
            {t('nav.quickExit')}
          </a>
          {!props.widget && (
            <>
              <a class="brand" href={href(locale, '/')}>
                {t('site.name')}
              </a>
              <a href={href(locale, '/search')}>{t('nav.search')}</a>
              <details class="langs">
                <summary>{t('nav.language')}</summary>
                <ul>
                  {LOCALES.map((l) => (
                    <li key={l}>
                      <a href={href(l, rest)} lang={l} hreflang={l} aria-current={l === locale ? 'true' : undefined}>
                        {AUTONYMS[l]}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            </>
          )}
        </header>
        <main id="main">{props.children}</main>
        {!props.widget && (
          <footer class="site">
            <p>{t('footer.privacy')}</p>
            <p>{t('footer.data')}</p>
          </footer>
        )}
      </body>
    </html>
  )
}
