// The web's GraphQL documents are typed from the API schema of schema/supergraph.graphql: the
// committed web/graphql/generated.ts must be what `npm run codegen` makes now, so a schema change
// that a page's query no longer fits fails here (codegen refuses a document the schema rejects).
import { readFile } from 'node:fs/promises'
import t from 'tap'
import { apiSchemaSdl, GENERATED, generate } from '../../web/graphql/codegen.ts'

t.test('generated.ts is up to date with the schema and the documents (npm run codegen)', async (t) => {
  t.equal(await readFile(GENERATED, 'utf8'), await generate())
})

t.test('a schema that renamed a field a page asks for fails the generation', async (t) => {
  const sdl = await apiSchemaSdl()
  const without = sdl.replace('  emergencyNumbers: [EmergencyNumber!]!', '  emergencyContacts: [EmergencyNumber!]!')
  t.not(without, sdl, 'the field was renamed')
  await t.rejects(generate(without), /emergencyNumbers/)
})
