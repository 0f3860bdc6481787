// Starts one subgraph app on a fresh migrated and seeded database, for subgraph-level tests.
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import type { BaseContext, SubgraphDefinition } from '../../subgraphs/common/app.ts'
import { buildSubgraphApp } from '../../subgraphs/common/app.ts'
import type { Db } from '../../subgraphs/common/db.ts'
import { gatewayTokenVerifier, type Identity } from '../../subgraphs/common/identity.ts'
import { migrate } from '../../subgraphs/common/migrate.ts'
import { createTestDatabase, type Driver } from './database.ts'
import { gatewayKeys, identity as makeIdentity, signForSubgraph } from './identities.ts'

export interface GraphQLResponse<T = any> {
  data?: T | null
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>
}

export interface SubgraphHarness {
  app: FastifyInstance
  db: Db
  /** POST /graphql as the gateway would, for the given identity (public by default). */
  query<T = any>(query: string, variables?: Record<string, unknown>, who?: Identity): Promise<GraphQLResponse<T>>
}

export async function startTestSubgraph<Ctx extends BaseContext>(
  t: Test,
  def: SubgraphDefinition<Ctx>,
  opts: { driver?: Driver; seed?: boolean; clock?: () => Date } = {},
): Promise<SubgraphHarness> {
  const database = await createTestDatabase(opts.driver ?? 'pglite')
  const { db } = database
  await migrate(db, def.dbSchema, def.migrations)
  if (opts.seed !== false && def.seed) await def.seed(db)
  const app = await buildSubgraphApp(def, {
    db,
    verifyIdentity: gatewayTokenVerifier(def.name, { key: gatewayKeys.publicKey }),
    clock: opts.clock,
  })
  t.teardown(async () => {
    await app.close()
    await database.drop()
  })
  return {
    app,
    db,
    async query(query, variables = {}, who = makeIdentity('public')) {
      const token = await signForSubgraph(def.name, who)
      const res = await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${token}` }, payload: { query, variables } })
      return res.json()
    },
  }
}
