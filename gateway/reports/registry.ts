// The reports the gateway knows: the built-in files and those registered at runtime (kept in the
// store). Every report is compiled against the gateway's API schema; one that no longer validates
// (the schema changed under it) is listed with its problems and cannot be run, rather than
// stopping the gateway.
import type { GraphQLSchema } from 'graphql'
import { clientError, invalidInput } from '../../subgraphs/common/errors.ts'
import { checkNaming, compileReport, type Report, type ReportSource } from './operation.ts'
import type { ReportStore } from './store.ts'

export interface Entry {
  source: ReportSource
  report?: Report
  problems?: string[]
}

export interface Registration {
  name?: unknown
  query?: unknown
  description?: unknown
}

const MAX_CACHED = 500

export class ReportRegistry {
  private readonly builtIn: Map<string, Entry>
  /** Compiled registered reports, by name, registration time and query text (a new registration compiles afresh). */
  private readonly cache = new Map<string, Entry>()

  constructor(
    private readonly schema: GraphQLSchema,
    builtIns: ReportSource[],
    private readonly store: ReportStore,
    private readonly maxRegistered: number,
  ) {
    this.builtIn = new Map(builtIns.map((source) => [source.name, this.compile(source)]))
  }

  /** Built-in reports that do not validate against the schema (logged at start). */
  get builtInProblems(): Entry[] {
    return [...this.builtIn.values()].filter((e) => e.problems)
  }

  async get(name: string): Promise<Entry | undefined> {
    const builtIn = this.builtIn.get(name)
    if (builtIn) return builtIn
    const stored = await this.store.get(name)
    return stored && this.cached({ ...stored, origin: 'registered' })
  }

  async list(): Promise<Entry[]> {
    const registered = (await this.store.list()).sort((a, b) => a.name.localeCompare(b.name))
    return [...this.builtIn.values(), ...registered.map((s) => this.cached({ ...s, origin: 'registered' }))]
  }

  async register(input: Registration, by: string | null, now: Date): Promise<Report> {
    const problems = checkNaming(input.name, input.description)
    if (typeof input.query !== 'string') problems.push({ path: 'query', message: 'is required: one GraphQL query' })
    if (problems.length) throw invalidInput(problems)
    const name = input.name as string
    if (this.builtIn.has(name)) throw clientError('CONFLICT', `"${name}" is a built-in report; choose another name.`)
    const source: ReportSource = {
      name,
      description: (input.description as string).trim(),
      query: input.query as string,
      origin: 'registered',
      registeredBy: by,
      registeredAt: now.toISOString(),
    }
    const report = compileReport(this.schema, source)
    const { origin: _origin, ...stored } = source
    const outcome = await this.store.add({ ...stored, registeredBy: by, registeredAt: source.registeredAt! }, this.maxRegistered)
    if (outcome === 'taken') throw clientError('CONFLICT', `A report named "${name}" is already registered; remove it first or choose another name.`)
    if (outcome === 'full') throw clientError('CONFLICT', `At most ${this.maxRegistered} reports may be registered; remove one first.`)
    return report
  }

  /** Removes a registered report; built-in ones are files and stay. */
  async remove(name: string): Promise<'removed' | 'built-in' | 'missing'> {
    if (this.builtIn.has(name)) return 'built-in'
    return (await this.store.remove(name)) ? 'removed' : 'missing'
  }

  private cached(source: ReportSource): Entry {
    const key = `${source.name}\n${source.registeredAt}\n${source.query}`
    let entry = this.cache.get(key)
    if (!entry) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear()
      entry = this.compile(source)
      this.cache.set(key, entry)
    }
    return entry
  }

  private compile(source: ReportSource): Entry {
    try {
      return { source, report: compileReport(this.schema, source) }
    } catch (err) {
      const extensions = (err as { extensions?: { problems?: string[] } }).extensions
      return { source, problems: extensions?.problems ?? [(err as Error).message] }
    }
  }
}
