import t from 'tap'
import { definition } from '../../../subgraphs/resources/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { insertResource } from './fixtures/resources.ts'

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Resource { id title publisher { id } copublishers { id } countries { code } harmTypes { code } focusAreas { code } }
  ... on Partner { id resources { id } }
  ... on Country { code resources { id } }
} }`

t.test('resources subgraph in the federation', async (t) => {
  const sg = await startTestSubgraph(t, definition)

  t.test('resolves Resource, Partner (interface object) and Country entities in key order', async (t) => {
    const res = await sg.query(ENTITIES, {
      r: [
        { __typename: 'Resource', id: 'disrupting-harm-th' },
        { __typename: 'Partner', id: 'interpol' },
        { __typename: 'Country', code: 'LA' },
        { __typename: 'Resource', id: 'no-such-resource' },
        { __typename: 'Partner', id: 'tiktok' },
      ],
    })
    t.notOk(res.errors)
    const [resource, interpol, laos, missing, tiktok] = res.data._entities
    t.match(resource, {
      __typename: 'Resource',
      id: 'disrupting-harm-th',
      title: /^Disrupting Harm in Thailand/,
      publisher: { id: 'ecpat-international' },
      copublishers: [{ id: 'interpol' }],
      countries: [{ code: 'TH' }],
    })
    t.ok(resource.harmTypes.some((h: any) => h.code === 'sextortion'), 'harm types are references by code')
    t.same(resource.focusAreas, [{ code: 'rpa-2021-1' }, { code: 'rpa-2021-5' }])
    t.equal(interpol.__typename, 'Partner')
    t.same(interpol.resources.map((r: any) => r.id).sort(), ['kh', 'id', 'my', 'ph', 'th', 'vn'].map((c) => `disrupting-harm-${c}`).sort(), 'a co-publisher lists joint work')
    t.same(laos.resources.map((r: any) => r.id), ['asean-declaration-coea-2019', 'la-directory-essential-services', 'asean-rpa-coea-2021-2025'], 'ordered by English title')
    t.equal(missing, null, 'an unknown resource resolves to null')
    t.same(tiktok.resources, [], 'a partner with no resources gets an empty list')
  })

  t.test('batches lists: one statement per entity type, however many representations', async (t) => {
    const statements: string[] = []
    sg.db.onQuery = (text) => statements.push(text)
    t.teardown(() => {
      sg.db.onQuery = undefined
    })
    const partners = ['ecpat-international', 'weprotect', 'asean-secretariat', 'la-lwu', 'interpol', 'meta']
    const countries = ['TH', 'VN', 'PH', 'SG']
    const res = await sg.query(ENTITIES, {
      r: [
        ...partners.map((id) => ({ __typename: 'Partner', id })),
        ...countries.map((code) => ({ __typename: 'Country', code })),
        { __typename: 'Resource', id: 'luxembourg-guidelines' },
        { __typename: 'Resource', id: 'weprotect-framing-the-future' },
      ],
    })
    t.notOk(res.errors)
    t.equal(res.data._entities.length, partners.length + countries.length + 2)
    t.equal(statements.length, 3, `three statements: ${statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 60)).join(' | ')}`)
    const weprotect = res.data._entities[1]
    t.same(weprotect.resources.map((r: any) => r.id), ['weprotect-framing-the-future', 'weprotect-model-national-response'])
    const singapore = res.data._entities[partners.length + 3]
    t.same(singapore.resources.map((r: any) => r.id), ['asean-declaration-coea-2019', 'asean-rpa-coea-2021-2025'])
  })

  t.test('partner and country lists leave out retired resources', async (t) => {
    await insertResource(sg.db, { id: 'test-retired-sg', titles: [{ lang: 'en', value: 'Retired test leaflet' }], countries: ['SG'], publisher: 'sg-msf', status: 'RETIRED' })
    const res = await sg.query(ENTITIES, { r: [{ __typename: 'Partner', id: 'sg-msf' }, { __typename: 'Country', code: 'SG' }] })
    t.same(res.data._entities[0].resources, [])
    t.notOk(res.data._entities[1].resources.some((r: any) => r.id === 'test-retired-sg'))
  })
})
