// Resources kept current by their lead publisher: ownership, validation, versions, the change
// log, verification with its review queue, and retirement, at the subgraph.
import t from 'tap'
import { resourcesDefinition } from '../../../subgraphs/resources/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const NOW = new Date('2026-06-01T03:00:00Z')
const ECPAT = identity('civil_society', { org: 'ecpat-international', sub: 'maria@ecpat' })
const WEPROTECT = identity('civil_society', { org: 'weprotect' })
const STAFF = identity('secretariat', { org: 'asean-secretariat', sub: 'officer@asean' })

const RESOURCE = `id version title url status source verified verifiedAt verifiedBy stale publishedOn publishedYear publisher { id } copublishers { id }`
const CREATE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { ${RESOURCE} } }`
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateResourceInput!) { updateResource(id: $id, expectedVersion: $v, input: $input) { ${RESOURCE} } }`
const RETIRE = `mutation($id: ID!, $v: Int!) { retireResource(id: $id, expectedVersion: $v) { id version status } }`
const CONFIRM = `mutation($id: ID!, $v: Int!, $s: String) { confirmResource(id: $id, expectedVersion: $v, source: $s) { ${RESOURCE} } }`
const CHANGES = `query($id: ID!) { resource(id: $id) { version changes { version at actorSub actorOrg fields { field oldValue newValue } } } }`
const QUEUE = `query($c: String) { resourceReviewQueue(country: $c) { resource { id version } reason verifiedAt waitingSince daysWaiting } }`

t.test('resource upkeep', async (t) => {
  const sg = await startTestSubgraph(t, resourcesDefinition({ staleAfterDays: 180 }), { clock: () => NOW })
  const revisions = async (id: string) =>
    (await sg.db.query<{ n: number }>('select count(distinct version)::int as n from resources.resource_change where entity_id = $1', [id]))[0]!.n

  t.test('the lead publisher changes its own resource; the change log says who changed what', async (t) => {
    const res = await sg.query(UPDATE, { id: 'luxembourg-guidelines', v: 1, input: { audiences: ['POLICYMAKERS', 'LAW_ENFORCEMENT', 'TEACHERS'], source: 'ecpat.org' } }, ECPAT)
    t.notOk(res.errors, JSON.stringify(res.errors))
    t.match(res.data.updateResource, { version: 2, source: 'ecpat.org', verified: true, verifiedAt: '2026-03-01T00:00:00.000Z' })
    const log = await sg.query(CHANGES, { id: 'luxembourg-guidelines' }, ECPAT)
    t.same(log.data.resource.changes, [
      {
        version: 2,
        at: NOW.toISOString(),
        actorSub: 'maria@ecpat',
        actorOrg: 'ecpat-international',
        fields: [
          { field: 'audiences', oldValue: '["POLICYMAKERS","LAW_ENFORCEMENT"]', newValue: '["POLICYMAKERS","LAW_ENFORCEMENT","TEACHERS"]' },
          { field: 'source', oldValue: JSON.stringify('ecpat.org/luxembourg-guidelines; released in Geneva on 14 June 2016 (Better Care Network, ECPAT announcement)'), newValue: '"ecpat.org"' },
        ],
      },
    ])
    const hidden = await sg.query(CHANGES, { id: 'luxembourg-guidelines' }, WEPROTECT)
    t.equal(hidden.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'another organisation never reads the change log')
  })

  t.test('another organisation is refused, and nothing is written; the Secretariat writes any resource', async (t) => {
    const foreign = await sg.query(UPDATE, { id: 'disrupting-harm-th', v: 1, input: { languages: ['en'] } }, WEPROTECT)
    t.match(foreign.errors?.[0], { extensions: { code: 'FORBIDDEN' }, message: /kept by its lead publisher \("ecpat-international"\)/ })
    const copublisher = await sg.query(UPDATE, { id: 'disrupting-harm-th', v: 1, input: { languages: ['en'] } }, identity('un_agency', { org: 'interpol' }))
    t.equal(copublisher.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'a co-publisher does not keep the listing')
    t.equal(await revisions('disrupting-harm-th'), 0)
    const publisher = await sg.query(UPDATE, { id: 'disrupting-harm-th', v: 1, input: { publisher: 'weprotect' } }, ECPAT)
    t.match(publisher.errors?.[0], { extensions: { code: 'FORBIDDEN' }, message: /Only the ASEAN Secretariat changes the lead publisher/ })
    const staff = await sg.query(UPDATE, { id: 'weprotect-framing-the-future', v: 1, input: { countries: ['TH', 'vn'] } }, STAFF)
    t.notOk(staff.errors)
    t.equal(staff.data.updateResource.version, 2)
  })

  t.test('a stale version is refused with the current version, and nothing is written', async (t) => {
    const first = await sg.query(UPDATE, { id: 'disrupting-harm-vn', v: 1, input: { languages: ['en', 'vi'] } }, ECPAT)
    t.equal(first.data.updateResource.version, 2)
    const second = await sg.query(UPDATE, { id: 'disrupting-harm-vn', v: 1, input: { languages: ['en'] } }, STAFF)
    t.match(second.errors?.[0], { extensions: { code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 } })
    t.equal(await revisions('disrupting-harm-vn'), 1)
  })

  t.test('every violation at once, with its path, and nothing written', async (t) => {
    const res = await sg.query(
      UPDATE,
      {
        id: 'luxembourg-guidelines',
        v: 2,
        input: {
          titles: [],
          url: 'ftp://ecpat.org/file',
          languages: ['??'],
          focusAreas: ['rpa-2021-9'],
          harmTypes: ['porn'],
          countries: ['XX'],
          copublishers: ['ecpat-international'],
          publishedYear: 2015,
          status: 'RETIRED',
        },
      },
      ECPAT,
    )
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), [
      'input.titles',
      'input.url',
      'input.languages[0]',
      'input.focusAreas[0]',
      'input.harmTypes[0]',
      'input.countries[0]',
      'input.copublishers[0]',
      'input.publishedYear',
      'input.status',
    ])
    t.match(res.errors?.[0]?.extensions?.violations[7].message, /must be 2016, the year of publishedOn \(2016-06-14\)/)
    t.equal(await revisions('luxembourg-guidelines'), 1, 'still only the one accepted write')
  })

  t.test('a partner lists its own resource; the Secretariat names the publisher', async (t) => {
    const input = { kind: 'TOOLKIT', titles: [{ lang: 'en', value: 'Test toolkit on grooming' }, { lang: 'th', value: 'ชุดเครื่องมือทดสอบ' }], url: 'https://example.org/toolkit', countries: ['TH'], publishedOn: '2026-05-04' }
    const own = await sg.query(CREATE, { input }, ECPAT)
    t.notOk(own.errors, JSON.stringify(own.errors))
    t.match(own.data.createResource, { id: /^test-toolkit-on-grooming-[0-9a-f]{8}$/, version: 1, publisher: { id: 'ecpat-international' }, publishedYear: 2026, verified: false, verifiedAt: null, stale: true, status: 'PUBLISHED', source: 'Given by ecpat-international through the partner directory' })
    const log = await sg.query(CHANGES, { id: own.data.createResource.id }, ECPAT)
    t.same(log.data.resource.changes.map((c: any) => c.version), [1])
    const foreign = await sg.query(CREATE, { input: { ...input, publisher: 'weprotect' } }, ECPAT)
    t.equal(foreign.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const unnamed = await sg.query(CREATE, { input }, STAFF)
    t.match(unnamed.errors?.[0]?.extensions?.violations, [{ path: 'input.publisher', message: /is required/ }])
    const staff = await sg.query(CREATE, { input: { ...input, publisher: 'weprotect', verified: true } }, STAFF)
    t.match(staff.data.createResource, { publisher: { id: 'weprotect' }, verified: true, verifiedBy: 'officer@asean' })
  })

  t.test('a new address clears the verification; the review queue shows it until it is confirmed', async (t) => {
    const before = (await sg.query(QUEUE, { c: 'KH' }, STAFF)).data.resourceReviewQueue
    t.same(before, [])
    const moved = await sg.query(UPDATE, { id: 'disrupting-harm-kh', v: 1, input: { url: 'https://example.org/disrupting-harm-cambodia' } }, ECPAT)
    t.match(moved.data.updateResource, { version: 2, verified: false, verifiedAt: null, verifiedBy: null, stale: true })
    const waiting = (await sg.query(QUEUE, { c: 'KH' }, STAFF)).data.resourceReviewQueue
    t.same(waiting, [{ resource: { id: 'disrupting-harm-kh', version: 2 }, reason: 'UNVERIFIED', verifiedAt: null, waitingSince: NOW.toISOString(), daysWaiting: 0 }])
    const refused = await sg.query(QUEUE, { c: 'KH' }, ECPAT)
    t.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'the queue is for staff')
    const confirmed = await sg.query(CONFIRM, { id: 'disrupting-harm-kh', v: 2, s: 'Opened the new address' }, STAFF)
    t.match(confirmed.data.confirmResource, { version: 3, verified: true, verifiedAt: NOW.toISOString(), verifiedBy: 'officer@asean', stale: false, source: 'Opened the new address' })
    t.same((await sg.query(QUEUE, { c: 'KH' }, STAFF)).data.resourceReviewQueue, [])
    const later = await startTestSubgraph(t, resourcesDefinition({ staleAfterDays: 30 }), { clock: () => NOW })
    const stale = (await later.query(QUEUE, { c: 'LA' }, STAFF)).data.resourceReviewQueue
    t.same(stale.map((r: any) => [r.resource.id, r.reason, r.daysWaiting]), [
      ['asean-declaration-coea-2019', 'STALE', 92],
      ['asean-rpa-coea-2021-2025', 'STALE', 92],
      ['la-directory-essential-services', 'STALE', 92],
    ], 'checked longer ago than the window: stale')
  })

  t.test('a retired resource leaves every public answer but stays for its publisher and staff', async (t) => {
    const retired = await sg.query(RETIRE, { id: 'la-directory-essential-services', v: 1 }, identity('civil_society', { org: 'la-lwu' }))
    t.same(retired.data.retireResource, { id: 'la-directory-essential-services', version: 2, status: 'RETIRED' })
    const publicView = await sg.query(
      `query($r: [_Any!]!) { resource(id: "la-directory-essential-services") { id } resources(filter: { country: "LA" }) { nodes { id } }
         _entities(representations: $r) { ... on Resource { id } ... on Partner { resources { id } } ... on Country { resources { id } } } }`,
      { r: [{ __typename: 'Resource', id: 'la-directory-essential-services' }, { __typename: 'Partner', id: 'la-lwu' }, { __typename: 'Country', code: 'LA' }] },
    )
    t.notOk(publicView.errors)
    t.notMatch(JSON.stringify(publicView.data), /la-directory-essential-services/)
    for (const who of [STAFF, identity('civil_society', { org: 'la-lwu' })]) {
      const seen = await sg.query(`{ resource(id: "la-directory-essential-services") { status } }`, {}, who)
      t.same(seen.data.resource, { status: 'RETIRED' })
    }
    t.same((await sg.query(QUEUE, { c: 'LA' }, STAFF)).data.resourceReviewQueue, [], 'not in the review queue')
    const restored = await sg.query(UPDATE, { id: 'la-directory-essential-services', v: 2, input: { status: 'PUBLISHED' } }, STAFF)
    t.equal(restored.data.updateResource.status, 'PUBLISHED')
  })
})
