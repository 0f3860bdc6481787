// The whole system as `npm start` runs it, under whichever Node runs this script (CI runs it on the
// newest LTS too): start on the embedded default in a fresh data folder, ask one query across two
// subgraphs as the public and as a signed-in partner, check the access decision, stop cleanly.
//   node --import tsx scripts/smoke.ts
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readGatewayConfig } from '../gateway/config.ts'
import { loadOrCreateKeyPair } from '../gateway/identity/keys.ts'
import { SUBGRAPH_NAMES } from '../subgraphs/common/config.ts'
import { mintToken } from './token.ts'

// A partner-only channel (the helpline's administration line), on a field of another subgraph.
const QUERY = '{ partner(id: "child-helpline-cambodia") { name hotlines { id partnerChannels { value } } } }'
const PARTNER_LINE = '+85523224841'
// A first start creates and seeds the database: seconds on a quiet machine, minutes on a busy one.
const READY_WITHIN_MS = 300_000

const dataDir = mkdtempSync(join(os.tmpdir(), 'coea-smoke-'))
const envName = (name: string) => name.toUpperCase().replace(/-/g, '_')
// The embedded default whatever this shell has set, on ephemeral ports: the smoke test never meets
// another stack on the default ports.
const elsewhere = /^(DATABASE_URL|SUBGRAPH_URL_|REDIS_URL|SUPERGRAPH$)/
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !elsewhere.test(key))),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`SUBGRAPH_PORT_${envName(n)}`, '0'])),
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
}
const start = fileURLToPath(new URL('./start.ts', import.meta.url))
const child = spawn(process.execPath, ['--import', 'tsx', start], { env, stdio: ['ignore', 'pipe', 'inherit'] })
const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
// Whatever happens here, the system started here does not outlive this script.
process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'))
let ready = false

function fail(message: string): never {
  console.error(`smoke (Node ${process.versions.node}): ${message}`)
  child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
  process.exit(1)
}

const gatewayUrl = await new Promise<string>((resolve) => {
  const late = () => fail(`the system was not ready within ${READY_WITHIN_MS / 1000} s`)
  const timer = setTimeout(late, READY_WITHIN_MS)
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk
    process.stdout.write(chunk)
    const match = /Gateway ready at (\S+)/.exec(out)
    if (match) {
      ready = true
      clearTimeout(timer)
      resolve(match[1]!)
    }
  })
  void exited.then((code) => ready || fail(`the system stopped before it was ready (exit code ${code})`))
})

interface Hotline {
  id: string
  partnerChannels: { value: string }[] | null
}
interface Answer {
  data?: { partner: { name: string; hotlines: Hotline[] | null } | null } | null
  errors?: { message: string; extensions?: { code?: string } }[]
}
async function ask(token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const body = JSON.stringify({ query: QUERY })
  const res = await fetch(gatewayUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) })
  if (res.status !== 200) fail(`HTTP ${res.status} from the gateway: ${await res.text()}`)
  return (await res.json()) as Answer
}
const partnerLines = (a: Answer) =>
  (a.data?.partner?.hotlines ?? []).flatMap((h) => h.partnerChannels ?? []).map((c) => c.value)
const refused = (a: Answer) => a.errors?.some((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')

const asPublic = await ask()
const shown = JSON.stringify(asPublic)
if (asPublic.data?.partner?.name !== 'Child Helpline Cambodia') fail(`the public answer lacks the partner: ${shown}`)
if (!refused(asPublic)) fail(`the public was not refused partner-only channels: ${shown}`)
if (partnerLines(asPublic).length > 0) fail('the public saw a partner-only channel')

const authKey = await loadOrCreateKeyPair(dataDir, 'auth-signing')
const claims = { role: 'civil_society', org: 'aple-cambodia' }
const asPartner = await ask(await mintToken(authKey, readGatewayConfig(env).auth, claims))
if (asPartner.errors?.length) fail(`errors for a signed-in partner: ${JSON.stringify(asPartner.errors)}`)
if (!partnerLines(asPartner).includes(PARTNER_LINE)) {
  fail(`a signed-in partner did not get the partner-only line: ${JSON.stringify(asPartner)}`)
}

child.kill('SIGTERM')
const code = await exited
rmSync(dataDir, { recursive: true, force: true })
if (code !== 0) fail(`the system did not stop cleanly on SIGTERM (exit code ${code})`)
console.log(`smoke (Node ${process.versions.node}): started; a partner-only channel refused to the public and`)
console.log('  given to a signed-in partner; stopped cleanly')
