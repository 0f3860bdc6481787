// "If a child is in immediate danger": the country's emergency numbers first on the page, each a
// tap to call.
import { usePage } from './context.ts'

export interface EmergencyNumber {
  number: string
  service: string | null
}

export function Emergency(props: { numbers: EmergencyNumber[] }) {
  const { t } = usePage()
  if (props.numbers.length === 0) return null
  return (
    <section class="danger" aria-labelledby="danger-title">
      <h2 id="danger-title">{t('emergency.title')}</h2>
      <ul class="call-row">
        {props.numbers.map((n) => (
          <li key={n.number}>
            <a class="btn emergency" href={`tel:${n.number}`}>
              {t('emergency.call', { number: n.number })}
              <span class="how">{t(`emergency.${n.service ?? 'ANY'}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
