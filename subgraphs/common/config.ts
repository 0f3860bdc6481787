// Subgraph configuration: read from the environment once, validated, typed, frozen.
import { resolve } from 'node:path'

export const SUBGRAPH_PORTS = Object.freeze({
  partners: 4001,
  governments: 4002,
  'tech-companies': 4003,
  'civil-society': 4004,
  'un-agencies': 4005,
  hotlines: 4006,
  resources: 4007,
  commitments: 4008,
} as const)
export type SubgraphName = keyof typeof SUBGRAPH_PORTS
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[]

export interface SubgraphConfig {
  readonly host: string
  readonly port: number
  readonly dataDir: string
  readonly databaseUrl: string | undefined
  readonly gatewayJwksUrl: string
  readonly seed: boolean
  readonly logLevel: string
  /** Days after which a contact not re-verified counts as stale (a year by default: referral directories commonly re-verify every record at least annually). */
  readonly staleAfterDays: number
}

const envName = (name: string) => name.toUpperCase().replace(/-/g, '_')

function intFrom(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key} must be an integer from ${min} to ${max}; got "${raw}"`)
  return n
}

function urlFrom(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const raw = env[key]
  if (!raw) return undefined
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new Error(`${key} must be a postgres:// URL`)
  return raw
}

/** The embedded data folder; `memory://…` keeps the database in memory (tests). */
export const dataDirFrom = (env: NodeJS.ProcessEnv) => (env.DATA_DIR?.startsWith('memory://') ? env.DATA_DIR : resolve(env.DATA_DIR || '.data'))

export function readSubgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const key = envName(name)
  return Object.freeze({
    host: env.HOST || '127.0.0.1',
    port: intFrom(env, `SUBGRAPH_PORT_${key}`, SUBGRAPH_PORTS[name], 0, 65535),
    dataDir: dataDirFrom(env),
    databaseUrl: urlFrom(env, `DATABASE_URL_${key}`) ?? urlFrom(env, 'DATABASE_URL'),
    gatewayJwksUrl: env.GATEWAY_JWKS_URL || `http://127.0.0.1:${env.PORT || 4000}/.well-known/jwks.json`,
    seed: env.SEED !== 'false',
    logLevel: env.LOG_LEVEL || 'info',
    staleAfterDays: intFrom(env, 'STALE_AFTER_DAYS', 365, 1, 3650),
  })
}
