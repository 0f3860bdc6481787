// The public pages in a real browser (Chromium through playwright-core), against the whole
// system on the seed: real HTTP from the browser to the web, from the web to the gateway, from
// the gateway to the subgraphs. Each journey is what a person does (accessibility.test.ts checks
// every page with axe-core and photographs it).
import t from 'tap'
import { startTestStack } from '../helpers/stack.ts'
import { guardedContext, launchBrowser, neutralSite, type Page } from '../helpers/browser.ts'

// The seed's "today" (a Sunday, 12:00 in Bangkok): openNow depends on the clock.
const NOW = new Date('2026-11-29T05:00:00Z')
const KHMER_TITLE = 'កម្មវិធីការពារកុមារលើអ៊ីនធឺណិតនៅភូមិ'
const HOSTILE = ['<script>window.__xss = 1</script>', '"><img src=x onerror="window.__xss = 2">']

const neutral = await neutralSite(t)
const stack = await startTestStack(t, { clock: () => NOW, web: true, env: { WEB_QUICK_EXIT_URL: neutral, CACHE_TTL_MS: '2000' } })
const origin = stack.gatewayUrl.replace(/\/graphql$/, '')
const browser = await launchBrowser(t)

// An NGO keeps its listings current through the API: one in Khmer, two with hostile titles.
const ngo = await stack.token({ role: 'civil_society', org: 'aple-cambodia', sub: 'sokha@aple-cambodia' })
for (const titles of [[{ lang: 'km', value: KHMER_TITLE }, { lang: 'en', value: 'Village online child protection' }], ...HOSTILE.map((value) => [{ lang: 'en', value }])]) {
  const created = await stack.query(
    'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    { input: { titles, countries: ['KH'], audiences: ['CHILDREN']} },
    ngo,
  )
  if (created.errors) throw new Error(JSON.stringify(created.errors))
}

const PAGES = [
  { name: 'landing', path: '/en/' },
  { name: 'country-th', path: '/th/th' },
  { name: 'country-km', path: '/km/kh' },
  { name: 'report-vi', path: '/vi/vn/report' },
  { name: 'pathway-vi', path: '/vi/vn/report/sextortion' },
  { name: 'search-km', path: `/km/search?q=${encodeURIComponent('ការពារកុមារ')}` },
  { name: 'widget-th', path: '/th/widget/th?harm=sextortion' },
  { name: 'country-lo', path: '/lo/la' },
  { name: 'country-my', path: '/my/mm' },
]

async function open(page: Page, path: string) {
  const res = await page.goto(`${origin}${path}`)
  t.equal(res?.status(), 200, `${path} answers 200`)
  return res
}

t.test('find help for Thailand in Thai: the child helpline is a tap to call 1387', async (t) => {
  const { context, outside } = await guardedContext(browser, [origin])
  const page = await context.newPage()
  await open(page, '/th/')
  await page.getByRole('link', { name: 'ไทย', exact: true }).first().click()
  t.equal(new URL(page.url()).pathname, '/th/th', 'a stable, shareable URL with language and country')
  t.equal(await page.getAttribute('html', 'lang'), 'th')
  t.match(await page.locator('h1').innerText(), /ไทย/)
  const first = page.locator('section.danger a').first()
  t.match(await first.getAttribute('href'), /^tel:\d+$/, 'the emergency number comes first, a tap to call')
  const helplines = page.locator('section[aria-labelledby="kind-CHILD_HELPLINE"]')
  const call = helplines.locator('a[href="tel:1387"]').first()
  t.ok(await call.isVisible(), 'the child helpline 1387 has a tap-to-call link')
  t.match(await call.innerText(), /โทร/, 'labelled in Thai')
  t.match(await helplines.innerText(), /เปิดอยู่ตอนนี้|ปิดอยู่ตอนนี้|ไม่ทราบเวลาทำการ/, 'whether it is open now, in Thai')
  t.match(await helplines.innerText(), /แหล่งที่มา/, 'where it comes from')
  t.same(outside, [], 'no request outside the server')
  await context.close()
})

t.test('report sextortion in Viet Nam in Vietnamese: the ordered steps', async (t) => {
  const { context, outside } = await guardedContext(browser, [origin])
  const page = await context.newPage()
  await open(page, '/vi/vn')
  await page.getByRole('link', { name: /Tôi cần báo cáo/ }).click()
  await page.getByRole('link', { name: /đe dọa tung hình ảnh/ }).click()
  t.equal(new URL(page.url()).pathname, '/vi/vn/report/sextortion')
  const expected = await stack.query('{ referralPathway(country: "VN", harm: "sextortion", audience: CHILD, lang: "vi", priority: true) { steps { kind hotline { name(lang: "vi") } } } }')
  const names = (expected.data.referralPathway.steps as { hotline: { name: string } }[]).map((s) => s.hotline.name)
  t.ok(names.length >= 2, `${names.length} steps in the directory`)
  const shown = await page.locator('ol.steps > li h3').allInnerTexts()
  t.same(shown.map((s) => names.find((n) => s.includes(n))), names, 'the same services, in the same order')
  t.match(shown[0], /Khẩn cấp/, 'the emergency step first, named in Vietnamese')
  t.match(await page.locator('ol.steps > li').first().innerText(), /gọi số khẩn cấp/i, 'with what to do there')
  t.same(outside, [], 'no request outside the server')
  await context.close()
})

t.test('search a program in Khmer script', async (t) => {
  const { context } = await guardedContext(browser, [origin])
  const page = await context.newPage()
  await open(page, '/km/search')
  await page.getByLabel('ពាក្យដែលត្រូវស្វែងរក').fill('ការពារកុមារលើអ៊ីនធឺណិត')
  await page.getByLabel('ប្រទេស').selectOption('kh')
  await page.getByRole('button', { name: 'ស្វែងរក' }).click()
  t.match(page.url(), /q=/, 'the search is in the URL, shareable')
  t.ok(await page.getByRole('heading', { name: KHMER_TITLE }).isVisible(), 'the program is found by its Khmer title')
  await context.close()
})

t.test('quick exit leaves for the neutral site and Back does not return', async (t) => {
  const { context } = await guardedContext(browser, [origin, neutral])
  const page = await context.newPage()
  await open(page, '/en/')
  await open(page, '/th/th')
  await page.getByRole('link', { name: 'ออกจากหน้านี้ทันที' }).click()
  await page.waitForURL(neutral)
  await page.goBack()
  t.not(new URL(page.url()).pathname, '/th/th', 'the country page was replaced in the history')
  await context.close()

  const noJs = await guardedContext(browser, [origin, neutral], { javaScriptEnabled: false })
  const plain = await noJs.context.newPage()
  await open(plain, '/th/th')
  await plain.getByRole('link', { name: 'ออกจากหน้านี้ทันที' }).click()
  await plain.waitForURL(neutral)
  t.pass('without JavaScript the button is a plain link to the neutral site')
  await noJs.context.close()
})

t.test('every page shows the same content with JavaScript turned off', async (t) => {
  const on = await guardedContext(browser, [origin])
  const off = await guardedContext(browser, [origin], { javaScriptEnabled: false })
  const [a, b] = [await on.context.newPage(), await off.context.newPage()]
  for (const { path } of PAGES) {
    await Promise.all([open(a, path), open(b, path)])
    // "Open now" is the same answer for both (the response cache shares it for two seconds).
    t.equal(await b.locator('main').innerText(), await a.locator('main').innerText(), path)
  }
  await on.context.close()
  await off.context.close()
})

t.test('the keyboard alone reaches every action on the country page', async (t) => {
  const { context } = await guardedContext(browser, [origin])
  const page = await context.newPage()
  await open(page, '/th/th')
  const reached = new Set<string>()
  let opened = false
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const active = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null
      return { html: e?.outerHTML.slice(0, 120) ?? '', summary: e?.tagName === 'SUMMARY' && !(e.parentElement as HTMLDetailsElement).open }
    })
    reached.add(active.html)
    // A keyboard user opens the language menu with Enter, as anyone would.
    if (active.summary) {
      await page.keyboard.press('Enter')
      opened = true
    }
  }
  t.ok(opened, 'the language menu opens from the keyboard')
  const actions = await page.$$eval('a[href], button, input, select, summary', (els) =>
    els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 120)),
  )
  t.ok(actions.length > 20, `${actions.length} actions on the page`)
  t.same(actions.filter((a) => !reached.has(a)), [], 'every one reached with Tab')
  await context.close()
})

t.test('titles an NGO wrote with markup render as text', async (t) => {
  const { context } = await guardedContext(browser, [origin])
  const page = await context.newPage()
  await open(page, '/en/kh')
  const text = await page.locator('main').innerText()
  for (const title of HOSTILE) t.ok(text.includes(title), `shown as written: ${title}`)
  t.equal(await page.evaluate(() => (window as { __xss?: number }).__xss), undefined, 'nothing ran')
  t.equal(await page.locator('main img').count(), 0, 'no element was made from a title')
  await context.close()
})
