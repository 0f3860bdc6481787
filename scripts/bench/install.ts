// The benchmarks' own dependencies (the peer gateways, the load generator, Apollo's query planner)
// are a package of their own, installed here on first use and again whenever its lockfile changes,
// so that `npm ci` for running and testing the directory never downloads them.
//   npm run bench (and bench:replicas) run this first.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const lockHash = createHash('sha256').update(readFileSync(new URL('package-lock.json', import.meta.url))).digest('hex')
// Written after a complete install: an interrupted one is redone, never half-used.
const stamp = new URL('node_modules/.installed-from-lock', import.meta.url)

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('[bench] installing the benchmark dependencies (first run, or a new lockfile) into scripts/bench')
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' })
  writeFileSync(stamp, lockHash)
}
