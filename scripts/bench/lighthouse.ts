// `npm run lighthouse`: Lighthouse (mobile emulation, simulated slow 4G) on the country page,
// with Debian's Chromium; prints the performance and accessibility scores and writes them to
// scripts/bench/results/lighthouse.md. Scores vary from run to run (more so on a busy machine):
// it runs --runs times (3) and reports the median run, as Lighthouse's own guidance advises. Without --url it starts the whole system itself, on a
// temporary data folder, with the gateway's public response cache on.
//   npm run lighthouse -- [--url http://127.0.0.1:4000/th/th] [--out scripts/bench/results/lighthouse]
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { SUBGRAPH_NAMES } from '../../subgraphs/common/config.ts'
import { startStack, type Stack } from '../stack.ts'

const { values } = parseArgs({
  options: { url: { type: 'string' }, out: { type: 'string', default: 'scripts/bench/results/lighthouse' }, path: { type: 'string', default: '/th/th' }, runs: { type: 'string', default: '3' } },
})
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

let stack: Stack | undefined
let dataDir: string | undefined
let url = values.url
if (!url) {
  dataDir = mkdtempSync(join(os.tmpdir(), 'coea-lighthouse-'))
  const ports = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`SUBGRAPH_PORT_${n.toUpperCase().replace(/-/g, '_')}`, '0']))
  console.log('[lighthouse] starting the system (a new data folder: created and seeded first)')
  stack = await startStack({ env: { ...process.env, ...ports, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', CACHE_TTL_MS: '5000', LOG_LEVEL: 'warn' }, logger: false, web: true })
  url = stack.gatewayUrl.replace(/\/graphql$/, values.path!)
}

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  await fetch(url) // one warm-up request: the measured load is a visitor's, not the first after start
  const runs = []
  for (let i = 0; i < Math.max(1, Number(values.runs)); i++) {
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] })
    if (!run) throw new Error('Lighthouse returned no result')
    runs.push(run)
    console.log(`[lighthouse] run ${i + 1}: performance ${Math.round((run.lhr.categories.performance?.score ?? 0) * 100)}`)
  }
  runs.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0))
  const result = runs[Math.floor(runs.length / 2)]!
  const { categories, audits, configSettings } = result.lhr
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
  const metric = (id: string) => audits[id]?.displayValue ?? '–'
  const rows = [
    ['performance', String(score('performance'))],
    ['accessibility', String(score('accessibility'))],
    ['first contentful paint', metric('first-contentful-paint')],
    ['largest contentful paint', metric('largest-contentful-paint')],
    ['total blocking time', metric('total-blocking-time')],
    ['cumulative layout shift', metric('cumulative-layout-shift')],
    ['bytes transferred', metric('total-byte-weight')],
  ]
  const md = [
    '# Lighthouse: the country page',
    '',
    `${new Date().toISOString()}, commit ${execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()}; Lighthouse ${result.lhr.lighthouseVersion}, ${configSettings.formFactor} emulation, ${configSettings.throttlingMethod} throttling; Chromium ${result.lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'}; ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`,
    `Page: ${new URL(url).pathname} (target: 95 or more for both scores). The median of ${runs.length} runs; performance in each: ${runs.map((r) => Math.round((r.lhr.categories.performance?.score ?? 0) * 100)).join(', ')}.`,
    '',
    '| | |',
    '|---|---:|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ].join('\n')
  writeFileSync(`${values.out}.md`, md)
  console.log(`\n${md}`)
} finally {
  await chrome.kill()
  await stack?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}
