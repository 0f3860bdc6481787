// Keeping contacts and resources current through the gateway, with real tokens: for services,
// contact channels and resources, the owner's write, another organisation refused by the
// subgraph, the Secretariat's write, a stale version, bad input, the change log and retirement;
// and the verification flow a changed number starts.
import t from 'tap'
import { startTestStack } from '../helpers/stack.ts'

const NOW = new Date('2026-06-01T03:00:00Z')

t.test('upkeep through the gateway', async (t) => {
  const stack = await startTestStack(t, { names: ['partners', 'hotlines', 'resources'], clock: () => NOW })
  const [vnMoh, kpwkm, ecpat, weprotect, secretariat] = await Promise.all([
    stack.token({ sub: 'lan@vn-moh', role: 'government', org: 'vn-moh', country: 'VN' }),
    stack.token({ sub: 'aina@my-kpwkm', role: 'government', org: 'my-kpwkm', country: 'MY' }),
    stack.token({ sub: 'maria@ecpat', role: 'civil_society', org: 'ecpat-international' }),
    stack.token({ role: 'civil_society', org: 'weprotect' }),
    stack.token({ sub: 'officer@asean', role: 'secretariat', org: 'asean-secretariat' }),
  ])
  const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code
  const asked = (subgraph: 'hotlines' | 'resources', text: string) => (stack.received.get(subgraph) ?? []).some((doc) => doc.includes(text))

  t.test('the public never reaches a write or a change log', async (t) => {
    stack.received.clear()
    const write = await stack.query(`mutation { updateHotline(id: "vn-111", expectedVersion: 1, input: { languages: ["vi"] }) { id } }`)
    t.equal(code(write), 'UNAUTHORIZED_FIELD_OR_TYPE')
    const log = await stack.query(`{ hotline(id: "vn-111") { id changes { version } } resource(id: "luxembourg-guidelines") { id changes { version } } }`)
    t.same(log.errors?.map((e) => e.extensions?.code), ['UNAUTHORIZED_FIELD_OR_TYPE', 'UNAUTHORIZED_FIELD_OR_TYPE'])
    const queue = await stack.query(`{ reviewQueue(country: "VN") { reason } }`, {}, vnMoh)
    t.equal(code(queue), 'UNAUTHORIZED_FIELD_OR_TYPE', 'the review queue is for staff')
    t.notOk(asked('hotlines', 'updateHotline') || asked('hotlines', 'changes') || asked('resources', 'changes') || asked('hotlines', 'reviewQueue'), 'no subgraph was asked')
  })

  t.test('a hotline service', async (t) => {
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateHotlineInput!) { updateHotline(id: $id, expectedVersion: $v, input: $input) {
      id version languages descriptions { lang value } changes { version actorSub actorOrg fields { field oldValue newValue } } } }`
    const description = [{ lang: 'en', value: 'Ministry of Women, Family and Community Development, 24 hours. Successor of the Talian Nur child line.' }]
    const own = await stack.query(UPDATE, { id: 'my-talian-kasih-15999', v: 1, input: { descriptions: description } }, kpwkm)
    t.notOk(own.errors, JSON.stringify(own.errors))
    t.match(own.data.updateHotline, { version: 2, descriptions: description })
    t.match(own.data.updateHotline.changes, [{ version: 2, actorSub: 'aina@my-kpwkm', actorOrg: 'my-kpwkm', fields: [{ field: 'descriptions' }, { field: 'source' }] }], 'the change log entry')

    const foreign = await stack.query(UPDATE, { id: 'my-talian-kasih-15999', v: 2, input: { languages: ['ms', 'vi'] } }, vnMoh)
    t.equal(code(foreign), 'FORBIDDEN', 'another organisation is refused by the subgraph')
    t.ok(asked('hotlines', 'updateHotline'), 'after the gateway let it through')

    const staff = await stack.query(UPDATE, { id: 'my-talian-kasih-15999', v: 2, input: { languages: ['ms', 'en'] } }, secretariat)
    t.match(staff.data.updateHotline, { version: 3, languages: ['ms', 'en'] })
    t.equal(staff.data.updateHotline.changes.at(-1).actorOrg, 'asean-secretariat')

    const stale = await stack.query(UPDATE, { id: 'my-talian-kasih-15999', v: 2, input: { languages: ['ms'] } }, kpwkm)
    t.match(stale.errors?.[0], { extensions: { code: 'CONFLICT', currentVersion: 3 } })

    const bad = await stack.query(UPDATE, { id: 'my-talian-kasih-15999', v: 3, input: { names: [], harmTypes: ['porn'], schedule: { timeZone: 'Asia/Malaya', alwaysOpen: true } } }, kpwkm)
    t.equal(code(bad), 'BAD_USER_INPUT')
    t.same(bad.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.names', 'input.harmTypes[0]', 'input.schedule.timeZone'])

    const retired = await stack.query(`mutation { retireHotline(id: "my-talian-kasih-15999", expectedVersion: 3) { status } }`, {}, kpwkm)
    t.same(retired.data.retireHotline, { status: 'RETIRED' })
    const gone = await stack.query(`{ hotline(id: "my-talian-kasih-15999") { id } hotlines(country: "MY") { id } partner(id: "my-kpwkm") { hotlines { id } }
      referralPathway(country: "MY", harm: "grooming", audience: CAREGIVER) { steps { hotline { id } alternatives { id } } } }`)
    t.notOk(gone.errors, JSON.stringify(gone.errors))
    t.notMatch(JSON.stringify(gone.data), /my-talian-kasih-15999/, 'gone from the public answers, across subgraphs too')
    const kept = await stack.query(`{ hotline(id: "my-talian-kasih-15999") { status } }`, {}, secretariat)
    t.same(kept.data.hotline, { status: 'RETIRED' }, 'the Secretariat still sees it')
    const back = await stack.query(UPDATE, { id: 'my-talian-kasih-15999', v: 4, input: { status: 'ACTIVE' } }, secretariat)
    t.equal(back.data.updateHotline.version, 5)
  })

  t.test('a contact channel, and the verification a new number starts', async (t) => {
    const CHANNEL = `id version value display verified verifiedAt verifiedBy stale status changes { version actorOrg fields { field oldValue newValue } }`
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateContactChannelInput!) { updateContactChannel(id: $id, expectedVersion: $v, input: $input) { ${CHANNEL} } }`
    const QUEUE = `{ reviewQueue(country: "VN") { channel { id version } reason verifiedAt daysWaiting } }`
    // Viet Nam's child line before December 2017, entered as checked, then moved to 111.
    const added = await stack.query(
      `mutation($input: ContactChannelInput!) { addContactChannel(hotlineId: "vn-111", input: $input) { ${CHANNEL} } }`,
      { input: { type: 'TOLL_FREE', value: '1800 1567', verified: true, source: 'Test: the line before December 2017' } },
      vnMoh,
    )
    t.notOk(added.errors, JSON.stringify(added.errors))
    const line = added.data.addContactChannel
    t.match(line, { version: 1, value: '+8418001567', verified: true, verifiedAt: NOW.toISOString(), verifiedBy: 'lan@vn-moh' })

    const moved = await stack.query(UPDATE, { id: line.id, v: 1, input: { type: 'SHORT_CODE', value: '111' } }, vnMoh)
    t.notOk(moved.errors, JSON.stringify(moved.errors))
    t.match(moved.data.updateContactChannel, { version: 2, value: '111', display: '111', verified: false, verifiedAt: null, verifiedBy: null, stale: true })
    t.match(moved.data.updateContactChannel.changes[1], {
      version: 2,
      actorOrg: 'vn-moh',
      fields: [{ field: 'type' }, { field: 'value', oldValue: '"+8418001567"', newValue: '"111"' }, { field: 'dialableIn' }, { field: 'source' }, { field: 'verified', newValue: 'false' }, { field: 'verifiedAt', newValue: null }],
    })
    const publicView = await stack.query(`{ contactChannel(id: "${line.id}") { value verified verifiedAt } }`)
    t.same(publicView.data.contactChannel, { value: '111', verified: false, verifiedAt: null }, 'the public sees it as unchecked')

    const waiting = await stack.query(QUEUE, {}, secretariat)
    t.notOk(waiting.errors)
    t.match(waiting.data.reviewQueue.find((r: any) => r.channel?.id === line.id), { channel: { version: 2 }, reason: 'UNVERIFIED', verifiedAt: null, daysWaiting: 0 }, 'the review queue shows it')

    const confirm = `mutation($id: ID!, $v: Int!) { confirmContactChannel(id: $id, expectedVersion: $v, source: "Called 111") { version verified verifiedAt verifiedBy stale } }`
    const late = await stack.query(confirm, { id: line.id, v: 1 }, secretariat)
    t.match(late.errors?.[0], { extensions: { code: 'CONFLICT', currentVersion: 2 } }, 'a check of an older version is refused')
    const confirmed = await stack.query(confirm, { id: line.id, v: 2 }, secretariat)
    t.same(confirmed.data.confirmContactChannel, { version: 3, verified: true, verifiedAt: NOW.toISOString(), verifiedBy: 'officer@asean', stale: false })
    const after = await stack.query(QUEUE, {}, secretariat)
    t.notOk(after.data.reviewQueue.some((r: any) => r.channel?.id === line.id), 'and it leaves the queue')

    const foreign = await stack.query(UPDATE, { id: line.id, v: 3, input: { freeOfCharge: true } }, kpwkm)
    t.equal(code(foreign), 'FORBIDDEN', 'another organisation is refused by the subgraph')
    const staff = await stack.query(UPDATE, { id: line.id, v: 3, input: { freeOfCharge: true } }, secretariat)
    t.match(staff.data.updateContactChannel, { version: 4, verified: true }, 'the Secretariat writes any channel')
    const stale = await stack.query(UPDATE, { id: line.id, v: 3, input: { freeOfCharge: false } }, vnMoh)
    t.match(stale.errors?.[0], { extensions: { code: 'CONFLICT', currentVersion: 4 } })
    const bad = await stack.query(UPDATE, { id: line.id, v: 4, input: { type: 'PHONE', languages: ['vi', '!'] } }, vnMoh)
    t.same(bad.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.value', 'input.languages[1]'])

    const retired = await stack.query(`mutation($id: ID!) { retireContactChannel(id: $id, expectedVersion: 4) { status } }`, { id: line.id }, vnMoh)
    t.same(retired.data.retireContactChannel, { status: 'RETIRED' })
    const gone = await stack.query(`{ contactChannel(id: "${line.id}") { id } hotline(id: "vn-111") { channels { id } }
      referralPathway(country: "VN", harm: "grooming", priority: true) { steps { contact { id } } } }`)
    t.notMatch(JSON.stringify(gone.data), new RegExp(line.id), 'gone from the public answers')
    const kept = await stack.query(`{ hotline(id: "vn-111") { retiredChannels { id } } }`, {}, vnMoh)
    t.same(kept.data.hotline.retiredChannels, [{ id: line.id }], 'the operator still sees it')
  })

  t.test('a resource', async (t) => {
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateResourceInput!) { updateResource(id: $id, expectedVersion: $v, input: $input) {
      id version url verified verifiedAt changes { version actorSub actorOrg fields { field } } } }`
    const own = await stack.query(UPDATE, { id: 'disrupting-harm-th', v: 1, input: { url: 'https://example.org/disrupting-harm-thailand' } }, ecpat)
    t.notOk(own.errors, JSON.stringify(own.errors))
    t.match(own.data.updateResource, { version: 2, url: 'https://example.org/disrupting-harm-thailand', verified: false, verifiedAt: null })
    t.same(own.data.updateResource.changes, [{ version: 2, actorSub: 'maria@ecpat', actorOrg: 'ecpat-international', fields: [{ field: 'url' }, { field: 'source' }, { field: 'verified' }, { field: 'verifiedAt' }] }])

    const foreign = await stack.query(UPDATE, { id: 'disrupting-harm-th', v: 2, input: { languages: ['th'] } }, weprotect)
    t.equal(code(foreign), 'FORBIDDEN')
    const staff = await stack.query(UPDATE, { id: 'disrupting-harm-th', v: 2, input: { audiences: ['POLICYMAKERS', 'LAW_ENFORCEMENT', 'TEACHERS'] } }, secretariat)
    t.match(staff.data.updateResource, { version: 3 })
    const stale = await stack.query(UPDATE, { id: 'disrupting-harm-th', v: 2, input: { languages: ['th'] } }, ecpat)
    t.match(stale.errors?.[0], { extensions: { code: 'CONFLICT', currentVersion: 3 } })
    const bad = await stack.query(UPDATE, { id: 'disrupting-harm-th', v: 3, input: { titles: [], url: 'not a url', countries: ['Thailand'] } }, ecpat)
    t.same(bad.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.titles', 'input.url', 'input.countries[0]'])

    const queue = await stack.query(`{ resourceReviewQueue(country: "TH") { resource { id version } reason } }`, {}, secretariat)
    t.same(queue.data.resourceReviewQueue, [{ resource: { id: 'disrupting-harm-th', version: 3 }, reason: 'UNVERIFIED' }], 'its new address waits for a check')
    const confirmed = await stack.query(`mutation { confirmResource(id: "disrupting-harm-th", expectedVersion: 3) { version verified verifiedAt } }`, {}, secretariat)
    t.same(confirmed.data.confirmResource, { version: 4, verified: true, verifiedAt: NOW.toISOString() })

    const retired = await stack.query(`mutation { retireResource(id: "disrupting-harm-th", expectedVersion: 4) { status } }`, {}, ecpat)
    t.same(retired.data.retireResource, { status: 'RETIRED' })
    const gone = await stack.query(`{ resource(id: "disrupting-harm-th") { id } resources(filter: { country: "TH" }) { nodes { id } } partner(id: "ecpat-international") { resources { id } } }`)
    t.notOk(gone.errors, JSON.stringify(gone.errors))
    t.notMatch(JSON.stringify(gone.data), /disrupting-harm-th"/, 'gone from the public answers')
    const kept = await stack.query(`{ resource(id: "disrupting-harm-th") { status } }`, {}, ecpat)
    t.same(kept.data.resource, { status: 'RETIRED' }, 'its publisher still sees it')
  })
})
