import type { BaseContext } from '../common/app.ts'
import { viewerOf } from './access.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { unAgencyRepository, type UnAgencyRepository, type Viewer } from './repository.ts'

export interface Context extends BaseContext {
  repo: UnAgencyRepository
  loaders: Loaders
  /** Whose retired projects this request may see. */
  viewer: Viewer
}

export function createContext(base: BaseContext): Context {
  const repo = unAgencyRepository(base.db)
  const viewer = viewerOf(base.identity)
  return { ...base, repo, viewer, loaders: createLoaders(repo, viewer) }
}
