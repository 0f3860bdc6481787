// The public pages over HTTP, as a browser or a proxy sees them: the language from the URL or
// Accept-Language, the security headers (strict CSP, no cookies, no framing), hashed assets with
// long-lived caching, the country page's weight (at most 30 KB compressed with its CSS and JS)
// and its server render time (p50 under 20 ms, from Server-Timing).
import { get as httpGet } from 'node:http'
import { brotliDecompressSync } from 'node:zlib'
import t from 'tap'
import { startTestStack } from '../helpers/stack.ts'

const NOW = new Date('2026-11-29T05:00:00Z')
const stack = await startTestStack(t, { clock: () => NOW, web: true, env: { CACHE_TTL_MS: '5000', WEB_CACHE_TTL_MS: '60000' } })
const origin = stack.gatewayUrl.replace(/\/graphql$/, '')
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers, redirect: 'manual' })
const PUBLIC_PAGES = ['/', '/en/', '/th/th', '/vi/vn/report', '/vi/vn/report/sextortion', '/km/search?q=hotline', '/th/widget/th?harm=sextortion']

t.test('the landing page speaks the browser language; every other page the one in its URL', async (t) => {
  for (const [accept, lang] of [
    ['th-TH,th;q=0.9,en;q=0.8', 'th'],
    ['vi', 'vi'],
    ['fil-PH', 'fil'],
    ['tl', 'fil'],
    ['de-DE,de;q=0.9', 'en'],
    ['', 'en'],
  ]) {
    const res = await get('/', accept ? { 'accept-language': accept } : {})
    t.match(await res.text(), new RegExp(`^<!doctype html><html lang="${lang}"`), `Accept-Language "${accept}" → ${lang}`)
    t.match(res.headers.get('vary'), /accept-language/i)
  }
  t.match(await (await get('/km/th', { 'accept-language': 'th' })).text(), /^<!doctype html><html lang="km"/, 'the URL wins')
  const go = await get('/go?country=VN&lang=vi')
  t.equal(go.status, 303)
  t.equal(go.headers.get('location'), '/vi/vn', 'the landing form leads to a stable URL')
})

t.test('unknown countries and languages are not found', async (t) => {
  const country = await get('/en/zz')
  t.equal(country.status, 404)
  t.match(await country.text(), /Page not found/)
  t.equal((await get('/en/vn/report/no-such-harm')).status, 404)
  t.equal((await get('/xx/th')).status, 404)
})

t.test('every public page: strict CSP, no cookies, no framing but the widget, nothing cached', async (t) => {
  for (const path of PUBLIC_PAGES) {
    const res = await get(path)
    t.equal(res.status, 200, path)
    const csp = res.headers.get('content-security-policy') ?? ''
    t.match(csp, /default-src 'none'/, `${path}: CSP`)
    t.notMatch(csp, /unsafe-inline|unsafe-eval|https?:/, `${path}: nothing inline, nothing from elsewhere`)
    t.equal(res.headers.get('set-cookie'), null, `${path}: no cookie`)
    t.equal(res.headers.get('cache-control'), 'no-store')
    t.equal(res.headers.get('referrer-policy'), 'no-referrer')
    const html = await res.text()
    t.notMatch(html, /<script>|<style|\sstyle="|\son[a-z]+="/i, `${path}: no inline script, style or handler`)
    t.notMatch(html, /\ssrc="https?:|<link[^>]+href="https?:/, `${path}: no script, style or image from another site`)
    if (path.includes('/widget/')) t.match(csp, /frame-ancestors \*/, 'the widget may be framed')
    else t.match(csp, /frame-ancestors 'none'/, `${path}: may not be framed`)
  }
})

t.test('assets: content-hashed names, cached for a year, compressed', async (t) => {
  const html = await (await get('/th/th')).text()
  const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  t.equal(assets.length, 2, 'one stylesheet, one script')
  for (const path of assets) {
    t.match(path, /\/assets\/\w+\.[0-9a-f]{10}\.(css|js)$/)
    const res = await get(path, { 'accept-encoding': 'br, gzip' })
    t.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable')
    t.equal(res.headers.get('content-encoding'), 'br')
  }
  t.equal((await get('/assets/site.0000000000.css')).status, 404, 'an old name is not served')
  const embed = await get('/embed/find-help.js')
  t.equal(embed.status, 200, 'the widget loader has a stable address')
  t.match(await embed.text(), /find-help/)
})

t.test('the country page weighs at most 30 KB compressed, with its CSS and JS', async (t) => {
  // The bytes on the wire (fetch would decompress them).
  const brotli = (path: string) =>
    new Promise<{ bytes: number; text: string }>((resolve, reject) => {
      httpGet(`${origin}${path}`, { headers: { 'accept-encoding': 'br' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c)).on('error', reject)
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          t.equal(res.headers['content-encoding'], 'br', `${path} is compressed`)
          resolve({ bytes: body.length, text: brotliDecompressSync(body).toString() })
        })
      }).on('error', reject)
    })
  const page = await brotli('/th/th')
  const assets = [...page.text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  let total = page.bytes
  for (const path of assets) total += (await brotli(path)).bytes
  t.ok(total <= 30 * 1024, `HTML + CSS + JS: ${total} bytes compressed`)
})

t.test('the server renders the country page in under 20 ms (p50)', async (t) => {
  const times: number[] = []
  for (let i = 0; i < 25; i++) {
    // A new address each time: the page cache would otherwise answer without rendering.
    const res = await get(`${i % 2 ? '/th/th' : '/vi/vn'}?n=${i}`)
    await res.arrayBuffer()
    times.push(Number(/render;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]))
  }
  times.sort((a, b) => a - b)
  const p50 = times[Math.floor(times.length / 2)]!
  t.ok(p50 < 20, `render p50 ${p50.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`)
})

t.test('a complete page is kept and served again; a page that is not found is not kept', async (t) => {
  const first = await get('/id/id')
  const body = await first.text()
  t.match(first.headers.get('server-timing'), /render;dur=/, 'rendered the first time')
  const again = await get('/id/id')
  t.equal(again.headers.get('server-timing'), 'page-cache;desc=hit', 'kept the second time')
  t.equal(await again.text(), body, 'the same page')
  t.equal(again.headers.get('content-security-policy'), first.headers.get('content-security-policy'), 'with the same headers')
  const th = await get('/', { 'accept-language': 'th' })
  const vi = await get('/', { 'accept-language': 'vi' })
  t.match(await th.text(), /lang="th"/)
  t.match(await vi.text(), /lang="vi"/, 'the landing page is kept per language')
  await get('/en/zz')
  t.match((await get('/en/zz')).headers.get('server-timing'), /render;dur=/, 'a 404 is rendered each time')
})
