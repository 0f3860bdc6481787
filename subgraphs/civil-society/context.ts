import type { BaseContext } from '../common/app.ts'
import { viewerOf } from './access.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { programRepository, type ProgramRepository, type Viewer } from './repository.ts'

export interface Context extends BaseContext {
  repo: ProgramRepository
  loaders: Loaders
  /** Whose archived programs this request may see. */
  viewer: Viewer
}

export function createContext(base: BaseContext): Context {
  const repo = programRepository(base.db)
  const viewer = viewerOf(base.identity)
  return { ...base, repo, viewer, loaders: createLoaders(repo, viewer) }
}
