// An agency's own staff and the Secretariat keep its mandate current, versioned and logged; the
// Secretariat retires an agency, which then disappears from every public answer.
import t from 'tap'
import { definition } from '../../../subgraphs/governments/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const NOW = new Date('2026-05-04T09:00:00.000Z')
const msdhs = identity('government', { sub: 'somchai@msdhs.go.th', org: 'th-msdhs', country: 'TH' })
const ticac = identity('government', { org: 'th-rtp-ticac', country: 'TH' })
const secretariat = identity('secretariat', { sub: 'officer@asean.org', org: 'asean-secretariat' })

const UPDATE = `mutation($id: ID!, $v: Int!, $input: AgencyMandateInput!) {
  updateAgencyMandate(id: $id, expectedVersion: $v, input: $input) { id detailsVersion mandate(lang: "th") mandates { lang value } mandateSource retiredAt } }`
const RETIRE = `mutation($id: ID!, $v: Int!, $retired: Boolean!) { retireGovernmentAgency(id: $id, expectedVersion: $v, retired: $retired) { id detailsVersion retiredAt } }`
const CHANGES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on GovernmentAgency { id detailsChanges { version at actorSub actorOrg fields { field oldValue newValue } } } } }`
const PUBLIC_VIEW = `query($r: [_Any!]!) {
  country(code: "TH") { agencies { id } specialisedUnits { id } }
  aseanBodies { id }
  _entities(representations: $r) { ... on GovernmentAgency { id mandate retiredAt } } }`

const mandate = { mandates: [{ lang: 'en', value: 'Department of Children and Youth; runs the 1300 Prachabodi centre.' }, { lang: 'th', value: 'กรมกิจการเด็กและเยาวชน' }] }

t.test('government agency mandates', async (t) => {
  const sg = await startTestSubgraph(t, definition, { clock: () => NOW })
  const changesOf = async (id: string, who = secretariat) => (await sg.query(CHANGES, { r: [{ __typename: 'GovernmentAgency', id }] }, who))

  t.test("the agency's own staff update its mandate; a mandate without a source is attributed to them", async (t) => {
    const res = await sg.query(UPDATE, { id: 'th-msdhs', v: 1, input: mandate }, msdhs)
    t.notOk(res.errors)
    t.same(res.data.updateAgencyMandate, {
      id: 'th-msdhs',
      detailsVersion: 2,
      mandate: 'กรมกิจการเด็กและเยาวชน',
      mandates: mandate.mandates,
      mandateSource: 'Given by th-msdhs through the partner directory',
      retiredAt: null,
    })
    const log = await changesOf('th-msdhs', msdhs)
    t.notOk(log.errors, 'the agency reads its own change log')
    const [entry] = log.data._entities[0].detailsChanges
    t.match(entry, { version: 2, at: NOW.toISOString(), actorSub: 'somchai@msdhs.go.th', actorOrg: 'th-msdhs' })
    t.same(entry.fields.map((f: any) => f.field), ['mandates', 'mandateSource'])
    t.match(JSON.parse(entry.fields[0].oldValue), [{ lang: 'en', value: /1300 Prachabodi Social Assistance Centre/ }], 'the old mandate is kept in the log')
  })

  t.test('the Secretariat writes any mandate; other organisations write none and read no log', async (t) => {
    const other = await sg.query(UPDATE, { id: 'th-msdhs', v: 2, input: { mandateSource: 'x' } }, ticac)
    t.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.match(other.errors?.[0]?.message, /you act for "th-rtp-ticac"/)
    t.equal((await changesOf('th-msdhs', ticac)).errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const staff = await sg.query(UPDATE, { id: 'th-msdhs', v: 2, input: { mandateSource: 'MSDHS annual report 2025' } }, secretariat)
    t.match(staff.data.updateAgencyMandate, { detailsVersion: 3, mandateSource: 'MSDHS annual report 2025', mandates: mandate.mandates })
    const same = await sg.query(UPDATE, { id: 'th-msdhs', v: 3, input: mandate }, secretariat)
    t.equal(same.data.updateAgencyMandate.detailsVersion, 3, 'a write that changes nothing leaves the version alone')
  })

  t.test('a stale version is refused with the version to reload, and nothing is written', async (t) => {
    const res = await sg.query(UPDATE, { id: 'th-msdhs', v: 2, input: { mandates: [] } }, msdhs)
    t.match(res.errors?.[0]?.extensions, { code: 'CONFLICT', expectedVersion: 2, currentVersion: 3 })
    t.equal((await sg.query(UPDATE, { id: 'th-msdhs', v: 3, input: {} }, msdhs)).data.updateAgencyMandate.mandates.length, 2)
  })

  t.test('every violation is reported at once, with its path, and nothing is written', async (t) => {
    const res = await sg.query(
      UPDATE,
      { id: 'th-msdhs', v: 3, input: { mandates: [{ lang: 'th', value: 'x' }, { lang: 'TH', value: '' }, { lang: 'not a tag', value: 'y' }], mandateSource: 's'.repeat(301) } },
      msdhs,
    )
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), [
      'input.mandates[1].lang',
      'input.mandates[1].value',
      'input.mandates[2].lang',
      'input.mandateSource',
    ])
    const cleared = await sg.query(UPDATE, { id: 'th-msdhs', v: 3, input: { mandates: null } }, msdhs)
    t.same(cleared.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.mandates'])
    const unknown = await sg.query(UPDATE, { id: 'no-such-agency', v: 1, input: {} }, secretariat)
    t.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND')
  })

  t.test('a retired agency disappears from every public answer, its own staff included, and stays with the Secretariat', async (t) => {
    const r = [{ __typename: 'GovernmentAgency', id: 'th-rtp-ticac' }, { __typename: 'GovernmentAgency', id: 'acwc' }]
    const own = await sg.query(RETIRE, { id: 'th-rtp-ticac', v: 1, retired: true }, ticac)
    t.equal(own.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'an agency cannot retire itself')
    for (const [id, v] of [['th-rtp-ticac', 1], ['acwc', 1]] as const) {
      const res = await sg.query(RETIRE, { id, v, retired: true }, secretariat)
      t.same(res.data.retireGovernmentAgency, { id, detailsVersion: 2, retiredAt: NOW.toISOString() })
    }
    for (const who of [identity('public'), ticac, msdhs]) {
      const res = await sg.query(PUBLIC_VIEW, { r }, who)
      t.notOk(res.errors)
      t.notOk(res.data.country.agencies.some((a: any) => a.id === 'th-rtp-ticac'), `${who.role}/${who.org}: not among the country's agencies`)
      t.notOk(res.data.country.specialisedUnits.some((a: any) => a.id === 'th-rtp-ticac'), 'nor its specialised units')
      t.notOk(res.data.aseanBodies.some((a: any) => a.id === 'acwc'), 'nor the ASEAN bodies')
      t.same(res.data._entities, [{ id: 'th-rtp-ticac', mandate: null, retiredAt: null }, { id: 'acwc', mandate: null, retiredAt: null }], 'and resolved as entities without their details')
    }
    const edit = await sg.query(UPDATE, { id: 'th-rtp-ticac', v: 2, input: { mandateSource: 'x' } }, ticac)
    t.equal(edit.errors?.[0]?.extensions?.code, 'NOT_FOUND')

    const staff = await sg.query(PUBLIC_VIEW, { r }, secretariat)
    t.ok(staff.data.country.specialisedUnits.some((a: any) => a.id === 'th-rtp-ticac'))
    t.ok(staff.data.aseanBodies.some((a: any) => a.id === 'acwc'))
    t.match(staff.data._entities, [{ id: 'th-rtp-ticac', retiredAt: NOW.toISOString() }, { id: 'acwc', retiredAt: NOW.toISOString() }])

    const restored = await sg.query(RETIRE, { id: 'acwc', v: 2, retired: false }, secretariat)
    t.same(restored.data.retireGovernmentAgency, { id: 'acwc', detailsVersion: 3, retiredAt: null })
    t.ok((await sg.query(PUBLIC_VIEW, { r })).data.aseanBodies.some((a: any) => a.id === 'acwc'), 'restored for everyone')
    const log = await changesOf('acwc')
    t.same(log.data._entities[0].detailsChanges.map((c: any) => c.fields), [
      [{ field: 'retiredAt', oldValue: null, newValue: JSON.stringify(NOW.toISOString()) }],
      [{ field: 'retiredAt', oldValue: JSON.stringify(NOW.toISOString()), newValue: null }],
    ])
  })
})
