// The civil-society subgraph behind the gateway, with the partners subgraph that owns the
// organisations: federated owners and memberships, and the gateway's role rules meeting the
// subgraph's ownership rules.
import t from 'tap'
import { startTestStack } from '../../helpers/stack.ts'
import { programInput } from './fixtures/programs.ts'

t.test('programs through the gateway', async (t) => {
  const stack = await startTestStack(t, { names: ['partners', 'civil-society'] })
  const apleToken = await stack.token({ sub: 'sokha@aple-cambodia', role: 'civil_society', org: 'aple-cambodia' })
  const ecpatToken = await stack.token({ role: 'civil_society', org: 'ecpat-philippines' })

  t.test('the public reads programs with their owners and networks from the partner registry', async (t) => {
    const res = await stack.query(`{ programs(filter: { country: "TH", focusArea: "rpa-2021-4" }) { nodes { id title(lang: "th")
      owner { __typename ... on CivilSocietyOrganisation { name memberships { network { name } joinedYear } } } } } }`)
    t.notOk(res.errors)
    t.same(res.data.programs.nodes, [
      {
        id: 'th-saidek-1387',
        title: 'สายเด็ก 1387',
        owner: {
          __typename: 'CivilSocietyOrganisation',
          name: 'Childline Thailand Foundation',
          memberships: [{ network: { name: 'Child Helpline International' }, joinedYear: 2003 }],
        },
      },
    ])
    const partner = await stack.query(`{ partner(id: "unicef-eapro") { name ... on UnAgency { programs { id owner { ... on UnAgency { id } } } } } }`)
    t.same(partner.data.partner.programs, [{ id: 'asean-ict-forum-support', owner: { id: 'unicef-eapro' } }])
  })

  t.test('the public never reaches the change log or the write path', async (t) => {
    const changes = await stack.query(`{ program(id: "th-saidek-1387") { id changes { version } } }`)
    t.equal(changes.errors?.[0]?.extensions?.code, 'UNAUTHORIZED_FIELD_OR_TYPE')
    const write = await stack.query(`mutation { archiveProgram(id: "th-saidek-1387", expectedVersion: 1) { id } }`)
    t.equal(write.errors?.[0]?.extensions?.code, 'UNAUTHORIZED_FIELD_OR_TYPE')
    const asked = (stack.received.get('civil-society') ?? []).join('\n')
    t.notMatch(asked, /changes|archiveProgram/, 'the subgraph was never asked')
  })

  t.test('an NGO edits its own program; another NGO is refused by the subgraph', async (t) => {
    const created = await stack.query(`mutation($input: CreateProgramInput!) { createProgram(input: $input) { id version } }`, { input: programInput() }, apleToken)
    t.notOk(created.errors)
    const { id } = created.data.createProgram
    const update = `mutation($id: ID!, $v: Int!, $input: UpdateProgramInput!) {
      updateProgram(id: $id, expectedVersion: $v, input: $input) { id version status endsOn updatedBy
        changes { version actorOrg fields { field oldValue newValue } } } }`
    const foreign = await stack.query(update, { id, v: 1, input: { status: 'ENDED' } }, ecpatToken)
    t.equal(foreign.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const own = await stack.query(update, { id, v: 1, input: { status: 'ENDED', endsOn: '2026-06-30' } }, apleToken)
    t.notOk(own.errors)
    t.match(own.data.updateProgram, { id, version: 2, status: 'ENDED', endsOn: '2026-06-30', updatedBy: 'sokha@aple-cambodia' })
    t.same(own.data.updateProgram.changes[1], {
      version: 2,
      actorOrg: 'aple-cambodia',
      fields: [
        { field: 'status', oldValue: '"ACTIVE"', newValue: '"ENDED"' },
        { field: 'endsOn', oldValue: '"2026-12-31"', newValue: '"2026-06-30"' },
      ],
    })
    const stale = await stack.query(update, { id, v: 1, input: { status: 'ACTIVE' } }, apleToken)
    t.equal(stale.errors?.[0]?.extensions?.code, 'CONFLICT')
    t.equal(stale.errors?.[0]?.extensions?.currentVersion, 2, 'the current version reaches the client through the gateway')
  })
})
