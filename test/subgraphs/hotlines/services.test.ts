// Services kept current by their operators: ownership, validation, versions, the change log,
// verification and retirement, at the subgraph.
import t from 'tap'
import { hotlinesDefinition } from '../../../subgraphs/hotlines/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const NOW = new Date('2026-06-01T03:00:00Z')
const KPWKM = identity('government', { org: 'my-kpwkm', country: 'MY', sub: 'aina@my-kpwkm' })
const VN_MOH = identity('government', { org: 'vn-moh', country: 'VN', sub: 'lan@vn-moh' })
const CHILDLINE_TH = identity('civil_society', { org: 'childline-thailand' })
const STAFF = identity('secretariat', { org: 'asean-secretariat', sub: 'officer@asean' })

const SERVICE = `id version kind name names { lang value } languages status source verified verifiedAt verifiedBy stale updatedAt
  harmTypes { code } ages { min max } schedule { timeZone alwaysOpen } operator { id }`
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateHotlineInput!) { updateHotline(id: $id, expectedVersion: $v, input: $input) { ${SERVICE} } }`
const CREATE = `mutation($input: CreateHotlineInput!) { createHotline(input: $input) { ${SERVICE} } }`
const RETIRE = `mutation($id: ID!, $v: Int!) { retireHotline(id: $id, expectedVersion: $v) { id version status } }`
const CONFIRM = `mutation($id: ID!, $v: Int!, $s: String) { confirmHotline(id: $id, expectedVersion: $v, source: $s) { id version verified verifiedAt verifiedBy stale source } }`
const CHANGES = `query($id: ID!) { hotline(id: $id) { version changes { version at actorSub actorOrg fields { field oldValue newValue } } } }`

t.test('service upkeep', async (t) => {
  const sg = await startTestSubgraph(t, hotlinesDefinition({ staleAfterDays: 180 }), { clock: () => NOW })
  const logRows = async (id: string) => (await sg.db.query<{ n: number }>('select count(*)::int as n from hotlines.hotline_change where entity_id = $1', [id]))[0]!.n

  t.test("the operator's staff change their own service; the change log says who changed what", async (t) => {
    const res = await sg.query(UPDATE, { id: 'my-talian-kasih-15999', v: 1, input: { languages: ['ms', 'en'], ages: { max: 18 } } }, KPWKM)
    t.notOk(res.errors, JSON.stringify(res.errors))
    t.match(res.data.updateHotline, { version: 2, languages: ['ms', 'en'], ages: { min: null, max: 18 }, verified: true, source: 'Given by my-kpwkm through the partner directory' })
    t.equal(res.data.updateHotline.updatedAt, NOW.toISOString())
    const log = await sg.query(CHANGES, { id: 'my-talian-kasih-15999' }, KPWKM)
    t.same(log.data.hotline.changes, [
      {
        version: 2,
        at: NOW.toISOString(),
        actorSub: 'aina@my-kpwkm',
        actorOrg: 'my-kpwkm',
        fields: [
          { field: 'ages', oldValue: null, newValue: '{"max":18,"min":null,"note":[]}' },
          { field: 'languages', oldValue: '["ms"]', newValue: '["ms","en"]' },
          { field: 'source', oldValue: '"Malay Mail; The Star; amierul.com 2025 (H)"', newValue: '"Given by my-kpwkm through the partner directory"' },
        ],
      },
    ])
    const same = await sg.query(UPDATE, { id: 'my-talian-kasih-15999', v: 2, input: { languages: ['ms', 'en'] } }, KPWKM)
    t.equal(same.data.updateHotline.version, 2, 'a write that changes nothing leaves the version alone')
    t.equal(await logRows('my-talian-kasih-15999'), 3, 'and logs nothing')
  })

  t.test('another organisation is refused by the subgraph, and nothing is written', async (t) => {
    for (const who of [CHILDLINE_TH, KPWKM]) {
      const res = await sg.query(UPDATE, { id: 'vn-111', v: 1, input: { languages: ['vi', 'en'] } }, who)
      t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', who.org!)
      t.match(res.errors?.[0]?.message, /kept by its operator \("vn-moh"\)/)
    }
    const log = await sg.query(CHANGES, { id: 'vn-111' }, STAFF)
    t.same(log.data.hotline, { version: 1, changes: [] })
    const nobody = await sg.query(UPDATE, { id: 'vn-111', v: 1, input: { languages: ['vi'] } }, identity('civil_society'))
    t.equal(nobody.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'a sign-in without an organisation writes nothing')
    const unrun = await sg.query(UPDATE, { id: 'vn-emergency', v: 1, input: { languages: ['vi'] } }, VN_MOH)
    t.match(unrun.errors?.[0], { extensions: { code: 'FORBIDDEN' }, message: /no operating partner/ }, 'services nobody operates are kept by the Secretariat')
  })

  t.test('the Secretariat writes any service and alone hands one to another operator', async (t) => {
    const self = await sg.query(UPDATE, { id: 'vn-111', v: 1, input: { operator: 'example-operator' } }, VN_MOH)
    t.match(self.errors?.[0], { extensions: { code: 'FORBIDDEN' }, message: /Only the ASEAN Secretariat changes which partner operates/ })
    const moved = await sg.query(UPDATE, { id: 'vn-111', v: 1, input: { operator: 'example-operator' } }, STAFF)
    t.same(moved.data.updateHotline.operator, { id: 'example-operator' })
    const old = await sg.query(UPDATE, { id: 'vn-111', v: 2, input: { languages: ['vi', 'en'] } }, VN_MOH)
    t.equal(old.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'the former operator no longer may')
    const back = await sg.query(UPDATE, { id: 'vn-111', v: 2, input: { operator: 'vn-moh' } }, STAFF)
    t.equal(back.data.updateHotline.version, 3)
    const emergency = await sg.query(UPDATE, { id: 'vn-emergency', v: 1, input: { descriptions: [{ lang: 'en', value: 'For a child in immediate danger.' }] } }, STAFF)
    t.notOk(emergency.errors)
  })

  t.test('a stale version is refused with the current version, and nothing is written', async (t) => {
    const before = await logRows('th-saidek-1387')
    const first = await sg.query(UPDATE, { id: 'th-saidek-1387', v: 1, input: { languages: ['th', 'en'] } }, CHILDLINE_TH)
    t.equal(first.data.updateHotline.version, 2)
    const stale = await sg.query(UPDATE, { id: 'th-saidek-1387', v: 1, input: { languages: ['th'] } }, CHILDLINE_TH)
    t.match(stale.errors?.[0], { extensions: { code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 }, message: /you sent version 1, it is now at version 2/ })
    t.equal(await logRows('th-saidek-1387'), before + 2, 'only the first write was logged (languages and source)')
    const now = await sg.query(`{ hotline(id: "th-saidek-1387") { languages version } }`)
    t.same(now.data.hotline, { languages: ['th', 'en'], version: 2 })
  })

  t.test('two writers from the same version: one wins, the other gets CONFLICT', async (t) => {
    const results = await Promise.all(
      // Both are real changes: an edit that changes nothing is not a write and cannot conflict.
      ['en', 'th'].map((lang) => sg.query(UPDATE, { id: 'mm-mhpss-lines', v: 1, input: { languages: ['my', lang] } }, STAFF)),
    )
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()
    t.same(codes, ['CONFLICT', 'OK'])
    t.equal(await logRows('mm-mhpss-lines'), 2, 'one write logged (languages and source)')
  })

  t.test('every violation at once, with its path, and nothing written', async (t) => {
    const res = await sg.query(
      UPDATE,
      {
        id: 'kh-chc-1280',
        v: 1,
        input: {
          names: [],
          languages: ['km', 'not a tag!'],
          harmTypes: ['csam', 'porn'],
          ages: { min: 18, max: 5 },
          schedule: { timeZone: 'Asia/Siam', alwaysOpen: true },
          status: 'RETIRED',
          country: null,
          source: '',
        },
      },
      identity('civil_society', { org: 'child-helpline-cambodia' }),
    )
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), [
      'input.names',
      'input.harmTypes[1]',
      'input.ages.max',
      'input.languages[1]',
      'input.schedule.timeZone',
      'input.status',
      'input.source',
      'input.country',
    ])
    t.match(res.errors?.[0]?.extensions?.violations[1].message, /"porn" is not one of: csam, csam-ai/)
    t.equal(await logRows('kh-chc-1280'), 0)
    const after = await sg.query(`{ hotline(id: "kh-chc-1280") { version languages status } }`)
    t.same(after.data.hotline, { version: 1, languages: ['km'], status: 'ACTIVE' })
    const stale = await sg.query(UPDATE, { id: 'kh-chc-1280', v: 9, input: { names: [] } }, STAFF)
    t.equal(stale.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'bad input is reported before a version conflict')
  })

  t.test('an operator adds a service of its own; the Secretariat names the operator', async (t) => {
    const input = {
      kind: 'CHILD_HELPLINE',
      names: [{ lang: 'en', value: 'Test helpline for Malaysia' }, { lang: 'ms', value: 'Talian ujian' }],
      country: 'my',
      harmTypes: ['sextortion', 'grooming'],
      languages: ['ms'],
      schedule: { timeZone: 'Asia/Kuala_Lumpur', alwaysOpen: true },
    }
    const own = await sg.query(CREATE, { input }, KPWKM)
    t.notOk(own.errors, JSON.stringify(own.errors))
    t.match(own.data.createHotline, {
      id: /^my-test-helpline-for-malaysia-[0-9a-f]{8}$/,
      version: 1,
      operator: { id: 'my-kpwkm' },
      harmTypes: [{ code: 'grooming' }, { code: 'sextortion' }],
      verified: false,
      verifiedAt: null,
      stale: true,
      status: 'ACTIVE',
    })
    const log = await sg.query(CHANGES, { id: own.data.createHotline.id }, KPWKM)
    t.same(log.data.hotline.changes.map((c: any) => c.version), [1])
    t.ok(log.data.hotline.changes[0].fields.some((f: any) => f.field === 'harmTypes' && f.newValue === '["grooming","sextortion"]'))

    const foreign = await sg.query(CREATE, { input: { ...input, operator: 'vn-moh' } }, KPWKM)
    t.equal(foreign.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'not for another organisation')
    const staff = await sg.query(CREATE, { input: { ...input, operator: 'vn-moh', country: 'VN', verified: true } }, STAFF)
    t.match(staff.data.createHotline, { operator: { id: 'vn-moh' }, verified: true, verifiedAt: NOW.toISOString(), verifiedBy: 'officer@asean' })
    const missing = await sg.query(CREATE, { input: { ...input, country: null, harmTypes: [] } }, KPWKM)
    t.same(missing.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.harmTypes', 'input.country'])
  })

  t.test('new hours clear the service verification until someone confirms it again', async (t) => {
    const hours = { timeZone: 'Asia/Kuala_Lumpur', intervals: [{ day: 'MONDAY', opens: '08:00', closes: '17:00' }] }
    const current = await sg.query(`{ hotline(id: "my-talian-kasih-15999") { version } }`)
    const v = current.data.hotline.version
    const res = await sg.query(UPDATE, { id: 'my-talian-kasih-15999', v, input: { schedule: hours } }, KPWKM)
    t.match(res.data.updateHotline, { verified: false, verifiedAt: null, verifiedBy: null, stale: true, schedule: { alwaysOpen: false } })
    const log = await sg.query(CHANGES, { id: 'my-talian-kasih-15999' }, STAFF)
    t.same(log.data.hotline.changes.at(-1).fields.map((f: any) => f.field), ['schedule', 'verified', 'verifiedAt'])
    const names = await sg.query(UPDATE, { id: 'vn-111', v: 3, input: { names: [{ lang: 'en', value: 'National Child Protection Hotline 111' }, { lang: 'vi', value: 'Tổng đài 111' }] } }, VN_MOH)
    t.match(names.data.updateHotline, { verified: true }, 'other changes keep the verification')

    const stale = await sg.query(CONFIRM, { id: 'my-talian-kasih-15999', v }, STAFF)
    t.equal(stale.errors?.[0]?.extensions?.code, 'CONFLICT', 'a confirmation of a version that has changed since is refused')
    const confirmed = await sg.query(CONFIRM, { id: 'my-talian-kasih-15999', v: v + 1, s: 'Called the ministry' }, KPWKM)
    t.same(confirmed.data.confirmHotline, {
      id: 'my-talian-kasih-15999',
      version: v + 2,
      verified: true,
      verifiedAt: NOW.toISOString(),
      verifiedBy: 'aina@my-kpwkm',
      stale: false,
      source: 'Called the ministry',
    })
    const who = await sg.query(`{ hotline(id: "my-talian-kasih-15999") { verifiedBy } }`, {}, CHILDLINE_TH)
    t.equal(who.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'who confirmed is for the operator and staff')
  })

  t.test('a retired service leaves every public answer but stays for its operator and staff', async (t) => {
    const retired = await sg.query(RETIRE, { id: 'kh-chc-1280', v: 1 }, identity('civil_society', { org: 'child-helpline-cambodia' }))
    t.same(retired.data.retireHotline, { id: 'kh-chc-1280', version: 2, status: 'RETIRED' })
    const publicView = await sg.query(
      `query($r: [_Any!]!) { hotline(id: "kh-chc-1280") { id } hotlines(country: "KH") { id }
         referralPathway(country: "KH", harm: "grooming", audience: CHILD) { steps { hotline { id } alternatives { id } } }
         _entities(representations: $r) { ... on Hotline { id } ... on Partner { hotlines { id } } ... on Country { hotlines { id } } } }`,
      { r: [{ __typename: 'Hotline', id: 'kh-chc-1280' }, { __typename: 'Partner', id: 'child-helpline-cambodia' }, { __typename: 'Country', code: 'KH' }] },
    )
    t.notOk(publicView.errors)
    t.notMatch(JSON.stringify(publicView.data), /kh-chc-1280/, 'not by id, list, pathway or entity')
    t.same(publicView.data._entities[0], null)
    const partner = await sg.query(`{ hotline(id: "kh-chc-1280") { id } }`, {}, CHILDLINE_TH)
    t.same(partner.data.hotline, null, 'nor for other partners')
    for (const who of [STAFF, identity('civil_society', { org: 'child-helpline-cambodia' })]) {
      const seen = await sg.query(`{ hotline(id: "kh-chc-1280") { id status channels { id } } }`, {}, who)
      t.same(seen.data.hotline, { id: 'kh-chc-1280', status: 'RETIRED', channels: [{ id: 'kh-chc-1280-call' }, { id: 'kh-chc-1280-sms' }, { id: 'kh-chc-1280-website' }] })
    }
    const list = await sg.query(`{ hotlines(status: RETIRED) { id } }`, {}, STAFF)
    t.same(list.data.hotlines, [{ id: 'kh-chc-1280' }])
    const refused = await sg.query(`{ hotlines(status: RETIRED) { id } }`, {}, CHILDLINE_TH)
    t.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const restored = await sg.query(UPDATE, { id: 'kh-chc-1280', v: 2, input: { status: 'ACTIVE' } }, STAFF)
    t.equal(restored.data.updateHotline.status, 'ACTIVE')
    t.ok((await sg.query(`{ hotline(id: "kh-chc-1280") { id } }`)).data.hotline, 'restored, it is public again')
  })
})
