// The scaled-out topology on one machine: eight subgraph processes, each on its own PostgreSQL
// database, and several stateless gateway replicas sharing Redis. `npm run topology` starts it
// against the local PostgreSQL and Redis and prints the addresses; tests start it with a prefix
// of their own and drop what they created.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { newKeyPair } from '../gateway/identity/keys.ts'
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/common/config.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const envName = (name: string) => name.toUpperCase().replace(/-/g, '_')

export interface TopologyOptions {
  /** Server holding the databases (the `postgres` maintenance database is used to create them). */
  serverUrl?: string
  redisUrl?: string
  replicas?: number
  /** Database-name prefix: databases are `<prefix>_<subgraph>`. */
  prefix?: string
  basePort?: number
  /** Drop the databases on stop (tests). */
  dropOnStop?: boolean
  env?: NodeJS.ProcessEnv
}

export interface Topology {
  gatewayUrls: string[]
  subgraphUrls: Record<SubgraphName, string>
  dataDir: string
  processes: Map<string, ChildProcess>
  stop(): Promise<void>
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

async function createDatabases(serverUrl: string, names: string[]) {
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') })
  await admin.connect()
  try {
    const existing = new Set((await admin.query<{ datname: string }>('select datname from pg_database')).rows.map((r) => r.datname))
    for (const name of names) if (!existing.has(name)) await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
}

async function dropDatabases(serverUrl: string, names: string[]) {
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') })
  await admin.connect()
  try {
    for (const name of names) await admin.query(`drop database if exists ${name} with (force)`)
  } finally {
    await admin.end()
  }
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`)
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`)
}

function run(name: string, file: string, env: NodeJS.ProcessEnv, processes: Map<string, ChildProcess>) {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] })
  processes.set(name, child)
  return child
}

export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const serverUrl = options.serverUrl ?? process.env.DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
  const replicas = options.replicas ?? 2
  const prefix = options.prefix ?? 'coea'
  const basePort = options.basePort ?? 4100
  const databases = SUBGRAPH_NAMES.map((name) => `${prefix}_${envName(name).toLowerCase()}`)
  await createDatabases(serverUrl, databases)

  // Replicas share one signing key (forwarded identities) and one data folder (people's token key).
  const { privateJwk } = await newKeyPair(`${prefix}-gateway`)
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`))
  const processes = new Map<string, ChildProcess>()
  const gatewayPorts = Array.from({ length: replicas }, (_, i) => basePort + i)
  const subgraphUrls = {} as Record<SubgraphName, string>
  const common = { LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...options.env }

  const stop = async () => {
    await Promise.all(
      [...processes.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve()
            child.once('exit', () => resolve())
            child.kill('SIGTERM')
          }),
      ),
    )
    if (options.dropOnStop) await dropDatabases(serverUrl, databases)
  }

  try {
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name, i) => {
        const port = basePort + 10 + i
        subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`
        const child = run(`subgraph:${name}`, `subgraphs/${name}/server.ts`, {
          ...common,
          [`SUBGRAPH_PORT_${envName(name)}`]: String(port),
          [`DATABASE_URL_${envName(name)}`]: databaseUrl(serverUrl, databases[i]!),
          GATEWAY_JWKS_URL: `http://127.0.0.1:${gatewayPorts[0]}/.well-known/jwks.json`,
        }, processes)
        await waitReady(`http://127.0.0.1:${port}/health/ready`, child)
      }),
    )
    const subgraphEnv = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_URL_${envName(name)}`, subgraphUrls[name]]))
    await Promise.all(
      gatewayPorts.map(async (port, i) => {
        const child = run(`gateway:${i + 1}`, 'gateway/server.ts', { ...common, ...subgraphEnv, PORT: String(port), REDIS_URL: redisUrl, GATEWAY_SIGNING_KEY: JSON.stringify(privateJwk) }, processes)
        await waitReady(`http://127.0.0.1:${port}/health/ready`, child)
      }),
    )
  } catch (err) {
    await stop()
    throw err
  }
  return { gatewayUrls: gatewayPorts.map((p) => `http://127.0.0.1:${p}/graphql`), subgraphUrls, dataDir, processes, stop }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now()
  const topology = await startTopology({ replicas: Number(process.env.REPLICAS ?? 2) })
  console.log(`Topology ready in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  for (const url of topology.gatewayUrls) console.log(`  gateway   ${url}`)
  for (const [name, url] of Object.entries(topology.subgraphUrls)) console.log(`  subgraph  ${name.padEnd(15)} ${url}`)
  console.log(`Tokens: DATA_DIR=${topology.dataDir} npm run token -- --role secretariat`)
  const shutdown = async () => {
    await topology.stop()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}
