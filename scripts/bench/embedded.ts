// How long `npm start` takes to be ready, and how much memory the embedded stack (eight
// subgraphs, the gateway and PGlite in one process) uses: once on a new data folder (the
// database is created, migrated and seeded) and once more on the same folder.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { memoryOf } from './children.ts'

export interface StartMeasure {
  what: string
  readyS: number
  /** Resident memory when ready, and the peak until then (MB). */
  rssMb: number | null
  peakMb: number | null
}

const START = fileURLToPath(new URL('../start.ts', import.meta.url))
const PORTS = ['PARTNERS', 'GOVERNMENTS', 'TECH_COMPANIES', 'CIVIL_SOCIETY', 'UN_AGENCIES', 'HOTLINES', 'RESOURCES', 'COMMITMENTS']

function startOnce(what: string, dataDir: string): Promise<StartMeasure> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', ...Object.fromEntries(PORTS.map((n) => [`SUBGRAPH_PORT_${n}`, '0'])) }
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', START], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`npm start was not ready after 5 minutes: ${out}`))
    }, 300_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!/Gateway ready at/.test(out)) return
      clearTimeout(timer)
      const readyS = (performance.now() - started) / 1000
      const memory = memoryOf(child.pid)
      child.once('exit', () => resolve({ what, readyS, rssMb: memory?.rssMb ?? null, peakMb: memory?.peakMb ?? null }))
      child.kill('SIGTERM')
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (!/Gateway ready at/.test(out)) reject(new Error(`npm start exited (code ${code}) before it was ready: ${out}`))
    })
  })
}

export async function measureEmbeddedStart(): Promise<StartMeasure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coea-bench-start-'))
  try {
    return [await startOnce('first start (creates, migrates and seeds the database)', dataDir), await startOnce('restart (existing data folder)', dataDir)]
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
