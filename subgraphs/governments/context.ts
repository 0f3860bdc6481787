import type { BaseContext } from '../common/app.ts'
import { isStaff } from '../common/identity.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { governmentRepository, type GovernmentRepository } from './repository.ts'

export interface Context extends BaseContext {
  repo: GovernmentRepository
  loaders: Loaders
}

export function createContext(base: BaseContext): Context {
  const repo = governmentRepository(base.db)
  return { ...base, repo, loaders: createLoaders(repo, isStaff(base.identity)) }
}
