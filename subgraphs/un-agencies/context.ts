import type { BaseContext } from '../common/app.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { unAgencyRepository, type UnAgencyRepository } from './repository.ts'

export interface Context extends BaseContext {
  repo: UnAgencyRepository
  loaders: Loaders
}

export function createContext(base: BaseContext): Context {
  const repo = unAgencyRepository(base.db)
  return { ...base, repo, loaders: createLoaders(repo) }
}
