// The built-in reports: one file per report in operations/, named after it. The comment lines at
// the top of a file are the report's description (GraphQL documents have no other place for one).
import { readdirSync, readFileSync } from 'node:fs'
import { NAME, type ReportSource } from './operation.ts'

const FOLDER = new URL('./operations/', import.meta.url)

/** Leading `#` lines, joined into one paragraph. */
export function leadingComment(text: string): string {
  const lines: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*#\s?(.*)$/.exec(line)
    if (!match) break
    lines.push(match[1]!.trim())
  }
  return lines.join(' ').trim()
}

export function builtInReports(folder: URL = FOLDER): ReportSource[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.graphql'.length)
      if (!NAME.test(name)) throw new Error(`Report file ${file}: the name must be lower-case words joined by "-"`)
      const query = readFileSync(new URL(file, folder), 'utf8')
      return { name, description: leadingComment(query), query, origin: 'built-in' as const }
    })
}
