import type { BaseContext } from '../common/app.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { hotlineRepository, type HotlineRepository } from './repository.ts'

export interface HotlineSettings {
  /** Days after which a channel not re-verified counts as stale (config STALE_AFTER_DAYS). */
  staleAfterDays: number
}

export interface Context extends BaseContext, HotlineSettings {
  repo: HotlineRepository
  loaders: Loaders
}

export function contextFactory(settings: HotlineSettings) {
  return (base: BaseContext): Context => {
    const repo = hotlineRepository(base.db)
    return { ...base, ...settings, repo, loaders: createLoaders(repo) }
  }
}
