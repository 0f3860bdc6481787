// When part of the directory is away the pages still help: the country page shows what it has,
// says that part is missing and points to the emergency number, and is never kept in the page
// cache; when the gateway itself cannot be reached, the page says so, with the emergency advice.
import t from 'tap'
import { buildWebApp } from '../../web/app.tsx'
import { readWebConfig } from '../../web/config.ts'
import { startTestStack, UNREACHABLE_URL } from '../helpers/stack.ts'

const NOW = new Date('2026-11-29T05:00:00Z')

t.test('a subgraph away: the country page shows the services it has and says what is missing', async (t) => {
  // Every subgraph but resources: the page's resources cannot be had, its services can.
  const stack = await startTestStack(t, {
    clock: () => NOW,
    web: true,
    names: ['partners', 'governments', 'civil-society', 'un-agencies', 'hotlines', 'tech-companies', 'commitments'],
    env: { WEB_CACHE_TTL_MS: '60000' },
  })
  const origin = stack.gatewayUrl.replace(/\/graphql$/, '')
  const res = await fetch(`${origin}/en/th`)
  t.equal(res.status, 200)
  const html = await res.text()
  t.match(html, /Part of the directory could not be reached just now/, 'says that part is missing')
  t.match(html, /href="tel:1387"/, 'the child helpline is still there, a tap to call')
  t.match(html, /class="danger"/, 'the emergency numbers are still first')
  const again = await fetch(`${origin}/en/th`)
  t.match(again.headers.get('server-timing'), /render;dur=/, 'an incomplete page is not kept')
})

t.test('the gateway cannot be reached: the page says so and gives the emergency advice', async (t) => {
  const app = await buildWebApp({ config: readWebConfig({ GATEWAY_URL: UNREACHABLE_URL }), logger: false })
  t.teardown(() => app.close())
  const res = await app.inject({ url: '/th/th' })
  t.equal(res.statusCode, 503)
  t.match(res.body, /<html lang="th"/, 'in the language of the address')
  t.match(res.body, /เชื่อมต่อทำเนียบไม่ได้/, 'the directory cannot be reached')
  t.match(res.body, /โทรหมายเลขฉุกเฉิน/, 'call the emergency number')
  t.match(res.body, /data-quick-exit/, 'with the quick exit')
  t.equal(res.headers['cache-control'], 'no-store')
})
