// Every public page in Chromium: no serious or critical accessibility violation (axe-core),
// nothing wider than a phone's screen, and screenshots at phone and desktop sizes in
// screenshots/ (git-ignored), for anyone to look at after a run.
import { AxeBuilder } from '@axe-core/playwright'
import t from 'tap'
import { startTestStack } from '../helpers/stack.ts'
import { guardedContext, launchBrowser, screenshots } from '../helpers/browser.ts'

const NOW = new Date('2026-11-29T05:00:00Z')
const stack = await startTestStack(t, { clock: () => NOW, web: true })
const origin = stack.gatewayUrl.replace(/\/graphql$/, '')
const browser = await launchBrowser(t)

const PAGES = [
  { name: 'landing', path: '/en/' },
  { name: 'country-th', path: '/th/th' },
  { name: 'country-km', path: '/km/kh' },
  { name: 'report-vi', path: '/vi/vn/report' },
  { name: 'pathway-vi', path: '/vi/vn/report/sextortion' },
  { name: 'search-km', path: '/km/search?country=kh' },
  { name: 'widget-th', path: '/th/widget/th?harm=sextortion' },
  { name: 'country-lo', path: '/lo/la' },
  { name: 'country-my', path: '/my/mm' },
]

t.test('no serious or critical accessibility violation on any public page (axe-core)', async (t) => {
  const { context, outside } = await guardedContext(browser, [origin])
  const page = await context.newPage()
  for (const { name, path } of PAGES) {
    t.equal((await page.goto(`${origin}${path}`))?.status(), 200, `${path} answers 200`)
    const { violations } = await new AxeBuilder({ page }).analyze()
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    t.same(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${path}`)
    await screenshots(page, name)
    await page.setViewportSize({ width: 360, height: 740 })
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path}: nothing wider than a phone's screen`)
    await page.setViewportSize({ width: 1280, height: 800 })
  }
  t.same(outside, [], 'no page asked anything of another site')
  await context.close()
})

