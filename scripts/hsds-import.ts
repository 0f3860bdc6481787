// Imports an Open Referral HSDS 3.0 file into the directory through a running gateway:
//   npm run hsds:import -- services.ndjson --token "$(npm run -s token -- --role secretariat --org asean-secretariat)"
//   npm run hsds:import -- page.json --gateway https://directory.example.org/graphql --dry-run
// The file is a JSON array, an HSDS page ({ contents: [...] }) or ndjson, of services and/or
// organizations. Every record is validated against the HSDS 3.0 schemas (draft 2020-12) with this
// directory's profile; every rejected record is listed with its reasons. The token (or
// HSDS_IMPORT_TOKEN) must be the ASEAN Secretariat's: only it registers partners and writes
// programs for any organisation. Exit code 1 when any record was rejected.
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { graphqlClient } from './hsds/client.ts'
import { importHsds, summary } from './hsds/import.ts'
import { readHsdsFile, ReadError } from './hsds/read.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gateway: { type: 'string', default: process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql` },
    token: { type: 'string', default: process.env.HSDS_IMPORT_TOKEN },
    source: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})

const [file] = positionals
if (!file || positionals.length > 1 || (!values.token && !values['dry-run'])) {
  console.error('Usage: npm run hsds:import -- <file.json|file.ndjson> --token <secretariat token> [--gateway <url>] [--source <text>] [--dry-run] [--json]')
  process.exit(2)
}

try {
  const records = await readHsdsFile(file)
  const outcomes = await importHsds({
    records,
    client: graphqlClient(values.gateway!, values.token),
    dryRun: values['dry-run'],
    source: values.source ?? `HSDS import of ${basename(file)}`,
  })
  if (values.json) console.log(JSON.stringify(outcomes, null, 2))
  else console.log(summary(outcomes).join('\n'))
  process.exit(outcomes.some((o) => o.status === 'rejected') ? 1 : 0)
} catch (err) {
  console.error(err instanceof ReadError ? `${file}: ${err.message}` : (err as Error).message)
  process.exit(2)
}
