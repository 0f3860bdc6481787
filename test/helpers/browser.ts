// The browser tests' harness: Debian's Chromium driven by playwright-core (one browser per test
// file, a fresh profile each time), every request outside the server under test recorded and
// refused, and screenshots written to screenshots/ (git-ignored) on every run.
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Test } from 'tap'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const SCREENSHOTS = new URL('../../screenshots/', import.meta.url)
export const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const

export async function launchBrowser(t: Test): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  t.teardown(() => browser.close())
  return browser
}

/** A context whose pages may load from `allowed` origins only; everything else is refused and listed. */
export async function guardedContext(browser: Browser, allowed: string[], options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: VIEWPORTS[1], ...options })
  const outside: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (allowed.some((origin) => url.startsWith(origin)) || url.startsWith('data:')) return route.continue()
    outside.push(url)
    return route.abort()
  })
  return { context, outside }
}

/** Full-page screenshots of the page at both sizes: screenshots/<name>-<width>.png. */
export async function screenshots(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const before = page.viewportSize()
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: new URL(`${name}-${viewport.width}.png`, SCREENSHOTS).pathname, fullPage: true })
  }
  if (before) await page.setViewportSize(before)
}

/** A neutral site for the quick exit to leave for, on this machine. */
export async function neutralSite(t: Test): Promise<string> {
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Weather</title><p>Sunny</p>'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

export type { BrowserContext, Page }
