// Resources, programs and partners as lists of cards: titles and descriptions written by their
// owners are text (Preact escapes them), and only http(s) addresses become links.
import type { ProgramCardFragment, TextFragment } from '../graphql/generated.ts'
import { languageName, list } from '../i18n/format.ts'
import { usePage } from './context.ts'
import { langAttr, safeHttpUrl } from './text.ts'

export interface ResourceItem {
  id: string
  kind: string
  title: string
  titles: TextFragment[]
  summary: string | null
  summaries: TextFragment[]
  url: string | null
  languages: string[]
  audiences: string[]
}

export function ResourceList(props: { heading?: string; resources: ResourceItem[] }) {
  const { t, locale } = usePage()
  return (
    <>
      {props.heading && <h3>{props.heading}</h3>}
      <ul class="cards">
        {props.resources.map((r) => {
          const url = safeHttpUrl(r.url)
          return (
            <li class="card" key={r.id}>
              <h3 lang={langAttr(r.title, r.titles, locale)}>{url ? <a href={url} rel="noreferrer">{r.title}</a> : r.title}</h3>
              <p class="meta">
                {t(`resourceKind.${r.kind}`)}
                {r.languages.length > 0 && ` · ${list(r.languages.map((l) => languageName(l, locale)), locale)}`}
              </p>
              {r.summary && <p lang={langAttr(r.summary, r.summaries, locale)}>{r.summary}</p>}
            </li>
          )
        })}
      </ul>
    </>
  )
}

export function ProgramList(props: { programs: ProgramCardFragment[] }) {
  const { t, locale } = usePage()
  if (props.programs.length === 0) return <p>{t('country.noneListed')}</p>
  return (
    <ul class="cards">
      {props.programs.map((p) => {
        const website = safeHttpUrl(p.contacts.website)
        const owner = p.owner && 'name' in p.owner ? p.owner : null
        return (
          <li class="card" key={p.id}>
            <h3 lang={langAttr(p.title, p.titles, locale)}>{p.title}</h3>
            {owner && (
              <p class="meta">
                {t('programs.by')} <span lang={langAttr(owner.name, owner.names, locale)}>{owner.name}</span>
              </p>
            )}
            {p.description && <p lang={langAttr(p.description, p.descriptions, locale)}>{p.description}</p>}
            {p.audiences.length > 0 && <p class="meta">{list(p.audiences.map((a) => t(`audience.${a}`)), locale)}</p>}
            <p>
              {website && (
                <a href={website} rel="noreferrer">
                  {t('channel.WEBSITE')}
                </a>
              )}
              {p.contacts.phone && /^\+?\d{2,15}$/.test(p.contacts.phone.number) && (
                <>
                  {website && ' · '}
                  <a href={`tel:${p.contacts.phone.number}`} dir="ltr">
                    {p.contacts.phone.number}
                  </a>
                </>
              )}
            </p>
          </li>
        )
      })}
    </ul>
  )
}
