// Opening hours in the service's own time zone, whether it is open now (the gateway decides, at
// the time of the request), and when and from what source the contact was last checked.
import { hoursRows, zoneCity, type Interval } from '../i18n/format.ts'
import { usePage } from './context.ts'

export interface Schedule {
  timeZone: string
  alwaysOpen: boolean
  intervals: Interval[]
  note: string | null
}

export function OpenBadge(props: { open: boolean | null }) {
  const { t } = usePage()
  if (props.open === null) return <span class="status unknown">{t('hotline.hoursUnknown')}</span>
  return props.open ? <span class="status open">{t('hotline.openNow')}</span> : <span class="status closed">{t('hotline.closedNow')}</span>
}

export function Hours(props: { schedule: Schedule | null }) {
  const { t, locale } = usePage()
  const s = props.schedule
  if (!s) return null
  return (
    <div>
      {s.alwaysOpen ? (
        <p class="hours">{t('hotline.alwaysOpen')}</p>
      ) : (
        <ul class="hours">
          {hoursRows(s.intervals, locale).map((row) => (
            <li key={row.days}>
              {row.days}: <span dir="ltr">{row.times}</span>
            </li>
          ))}
        </ul>
      )}
      {!s.alwaysOpen && <p class="meta">{t('hotline.localTime', { zone: zoneCity(s.timeZone) })}</p>}
      {s.note && <p class="meta">{s.note}</p>}
    </div>
  )
}

export function Checked(props: { verifiedAt: string | null; source: string; stale?: boolean }) {
  const { t } = usePage()
  return (
    <p class="meta">
      {props.verifiedAt ? t('hotline.checked', { date: new Date(props.verifiedAt) }) : t('hotline.notChecked')}{' '}
      {t('hotline.source', { source: props.source })}
      {props.stale && (
        <>
          {' '}
          <span class="stale">{t('hotline.stale')}</span>
        </>
      )}
    </p>
  )
}
