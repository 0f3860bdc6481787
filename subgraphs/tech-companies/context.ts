import type { BaseContext } from '../common/app.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { techCompanyRepository, type TechCompanyRepository } from './repository.ts'

export interface Context extends BaseContext {
  repo: TechCompanyRepository
  loaders: Loaders
}

export function createContext(base: BaseContext): Context {
  const repo = techCompanyRepository(base.db)
  return { ...base, repo, loaders: createLoaders(repo) }
}
