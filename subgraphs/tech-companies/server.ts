import { runSubgraphProcess } from '../common/server.ts'
import { definition } from './app.ts'

await runSubgraphProcess(definition as never)
