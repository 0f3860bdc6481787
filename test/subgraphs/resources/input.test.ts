import t from 'tap'
import { definition } from '../../../subgraphs/resources/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { insertResource } from './fixtures/resources.ts'

const LIST = `query($f: ResourceFilter, $after: String, $first: Int) { resources(filter: $f, after: $after, first: $first) { totalCount nodes { id status } } }`

t.test('resources subgraph input and visibility', async (t) => {
  const sg = await startTestSubgraph(t, definition)
  const list = (variables: Record<string, unknown>, who = identity('public')) => sg.query(LIST, variables, who)

  t.test('bad input gets BAD_USER_INPUT naming the field and what is allowed', async (t) => {
    const country = await list({ f: { country: 'XX' } })
    t.equal(country.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.match(country.errors?.[0]?.extensions?.violations, [{ path: 'filter.country', message: /ASEAN members: .*TH/ }])
    t.equal(country.data, null)

    for (const language of ['en_US!', 'm', 'not a tag']) {
      const res = await list({ f: { language } })
      t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', `language "${language}"`)
      t.match(res.errors?.[0]?.extensions?.violations, [{ path: 'filter.language', message: /BCP 47/ }])
    }

    const several = await list({ f: { country: 'Thailand', language: '??', focusArea: 'legal', publisher: 'ECPAT Intl' } })
    t.same(
      several.errors?.[0]?.extensions?.violations.map((v: any) => v.path),
      ['filter.country', 'filter.language', 'filter.focusArea', 'filter.publisher'],
      'every violation at once',
    )
    t.match(several.errors?.[0]?.message, /rpa-2021-1 to rpa-2021-7/)

    const longText = await list({ f: { text: 'ก'.repeat(201) } })
    t.match(longText.errors?.[0]?.extensions, { code: 'BAD_USER_INPUT', violations: [{ path: 'filter.text' }] })

    for (const after of ['garbage', Buffer.from('{"a":1}').toString('base64url'), '']) {
      const res = await list({ after })
      t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', `cursor "${after}"`)
      t.equal(res.errors?.[0]?.extensions?.argument, 'after')
    }

    const first = await list({ first: 0 })
    t.equal(first.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const kind = await sg.query(`{ resources(filter: { kind: PODCAST }) { totalCount } }`)
    t.equal(kind.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED', 'enums are checked by the schema')
    t.match(kind.errors?.[0]?.message, /PODCAST/)
    const kindVariable = await list({ f: { kind: 'PODCAST' } })
    t.equal(kindVariable.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'a bad enum value in variables is a client error')
    const id = await sg.query(`{ resource(id: "Robert'); DROP TABLE") { id } }`)
    t.equal(id.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const lang = await sg.query(`{ resource(id: "luxembourg-guidelines") { title(lang: "en_US!") } }`)
    t.equal(lang.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })

  t.test('a well-formed filter that matches nothing is an empty page, not an error', async (t) => {
    const res = await list({ f: { country: 'FR', publisher: 'no-such-partner', language: 'tet' } })
    t.notOk(res.errors)
    t.same(res.data.resources, { totalCount: 0, nodes: [] })
    const one = await sg.query(`{ resource(id: "no-such-resource") { id } }`)
    t.same(one, { data: { resource: null } })
  })

  t.test('only staff and the lead publisher see resources that are not published', async (t) => {
    await insertResource(sg.db, { id: 'test-retired', titles: [{ lang: 'en', value: 'Retired test toolkit' }], status: 'RETIRED' })
    const byId = `{ resource(id: "test-retired") { id status } }`
    t.same((await sg.query(byId)).data.resource, null, 'the public does not see it')
    t.same((await sg.query(byId, {}, identity('civil_society', { org: 'ecpat-international' }))).data.resource, null, 'nor does another partner')
    t.same((await sg.query(byId, {}, identity('civil_society', { org: 'childline-thailand' }))).data.resource, { id: 'test-retired', status: 'RETIRED' }, 'its publisher does')
    t.same((await sg.query(byId, {}, identity('secretariat'))).data.resource, { id: 'test-retired', status: 'RETIRED' }, 'staff do')

    const publicList = await list({ f: { text: 'retired test' } })
    t.same(publicList.data.resources.nodes, [])
    const asked = await list({ f: { status: 'RETIRED' } }, identity('government', { country: 'TH' }))
    t.equal(asked.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'asking for retired resources is refused outright')
    const staff = await list({ f: { status: 'RETIRED' } }, identity('admin'))
    t.same(staff.data.resources.nodes, [{ id: 'test-retired', status: 'RETIRED' }])

    const entity = await sg.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Resource { id } } }`, {
      r: [{ __typename: 'Resource', id: 'test-retired' }],
    })
    t.same(entity.data._entities, [null], 'nor through entity resolution')
  })
})
