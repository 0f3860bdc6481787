import type { BaseContext } from '../common/app.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { resourceRepository, type ResourceRepository } from './repository.ts'

export interface Context extends BaseContext {
  repo: ResourceRepository
  loaders: Loaders
}

export function createContext(base: BaseContext): Context {
  const repo = resourceRepository(base.db)
  return { ...base, repo, loaders: createLoaders(repo) }
}
