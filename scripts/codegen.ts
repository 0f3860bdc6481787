// `npm run codegen`: regenerates web/graphql/generated.ts after a change to a web document or
// to the schema (then commit it; a test fails while it is out of date).
import { writeFile } from 'node:fs/promises'
import { GENERATED, generate } from '../web/graphql/codegen.ts'

await writeFile(GENERATED, await generate())
console.log(`written ${GENERATED.pathname.split('/').slice(-3).join('/')}`)
