import type { BaseContext } from '../common/app.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { commitmentRepository, reportRepository, type CommitmentRepository, type ReportRepository } from './repository.ts'

export interface Context extends BaseContext {
  repo: CommitmentRepository
  reports: ReportRepository
  loaders: Loaders
}

export function createContext(base: BaseContext): Context {
  const repo = commitmentRepository(base.db)
  return { ...base, repo, reports: reportRepository(base.db), loaders: createLoaders(repo) }
}
