import type { BaseContext } from '../common/app.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { resourceRepository, type ResourceRepository } from './repository.ts'

export interface ResourceSettings {
  /** Days after which a resource not re-checked counts as stale (config STALE_AFTER_DAYS). */
  staleAfterDays: number
}

export interface Context extends BaseContext, ResourceSettings {
  repo: ResourceRepository
  loaders: Loaders
}

export function contextFactory(settings: ResourceSettings) {
  return (base: BaseContext): Context => {
    const repo = resourceRepository(base.db)
    return { ...base, ...settings, repo, loaders: createLoaders(repo) }
  }
}
