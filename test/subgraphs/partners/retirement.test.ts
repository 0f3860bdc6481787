// Retired partners vanish from every public answer and stay with the Secretariat; tech
// companies are verified in a step of their own.
import t from 'tap'
import { definition } from '../../../subgraphs/partners/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { CHANGES, ecpatPhilippines, meta, REGISTER, registration, RETIRE, secretariat, UPDATE, VERIFY } from './fixtures/registry.ts'

const NOW = new Date('2026-05-04T09:00:00.000Z')
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { id status } } }`
const EVERYWHERE = `query($id: ID!) {
  partner(id: $id) { id status }
  partners(filter: { country: "PH", kind: CIVIL_SOCIETY }, first: 100) { totalCount nodes { id } }
  _entities(representations: [{ __typename: "Country", code: "PH" }]) { ... on Country { partners { id } } }
}`

t.test('retiring and verifying partners', async (t) => {
  const sg = await startTestSubgraph(t, definition, { clock: () => NOW })
  const admin = identity('admin')

  t.test('a retired partner disappears from public answers, its own staff included, and stays with the Secretariat', async (t) => {
    const visible = await sg.query(EVERYWHERE, { id: 'ecpat-philippines' })
    t.equal(visible.data.partner.id, 'ecpat-philippines')
    const total = visible.data.partners.totalCount

    const forbidden = await sg.query(RETIRE, { id: 'ecpat-philippines', v: 1 }, ecpatPhilippines)
    t.equal(forbidden.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'a partner cannot retire itself')
    const retired = await sg.query(RETIRE, { id: 'ecpat-philippines', v: 1 }, secretariat)
    t.same(retired.data.retirePartner, { id: 'ecpat-philippines', version: 2, status: 'RETIRED' })

    for (const [who, reader] of [['the public', identity('public')], ['its own staff', ecpatPhilippines], ['a government', identity('government', { org: 'ph-cwc', country: 'PH' })]] as const) {
      const res = await sg.query(EVERYWHERE, { id: 'ecpat-philippines' }, reader)
      t.notOk(res.errors)
      t.equal(res.data.partner, null, `${who}: partner(id) is null`)
      t.equal(res.data.partners.totalCount, total - 1, `${who}: not counted in the directory`)
      t.notOk(res.data.partners.nodes.some((n: any) => n.id === 'ecpat-philippines'), `${who}: not listed`)
      t.notOk(res.data._entities[0].partners.some((p: any) => p.id === 'ecpat-philippines'), `${who}: not among the country's partners`)
      const entity = await sg.query(ENTITIES, { r: [{ __typename: 'CivilSocietyOrganisation', id: 'ecpat-philippines' }, { __typename: 'Partner', id: 'iwf' }] }, reader)
      t.same(entity.data._entities, [null, { id: 'iwf', status: 'ACTIVE' }], `${who}: not resolved as an entity`)
      const asked = await sg.query(`{ partners(filter: { status: [RETIRED] }) { totalCount } }`, {}, reader)
      t.equal(asked.data.partners.totalCount, 0, `${who}: asking for retired partners gets none`)
    }

    for (const staff of [secretariat, admin]) {
      const res = await sg.query(EVERYWHERE, { id: 'ecpat-philippines' }, staff)
      t.same(res.data.partner, { id: 'ecpat-philippines', status: 'RETIRED' })
      t.equal(res.data.partners.totalCount, total)
      t.ok(res.data._entities[0].partners.some((p: any) => p.id === 'ecpat-philippines'))
      const entity = await sg.query(ENTITIES, { r: [{ __typename: 'CivilSocietyOrganisation', id: 'ecpat-philippines' }] }, staff)
      t.same(entity.data._entities, [{ id: 'ecpat-philippines', status: 'RETIRED' }])
      const only = await sg.query(`{ partners(filter: { status: [RETIRED] }) { nodes { id } } }`, {}, staff)
      t.same(only.data.partners.nodes, [{ id: 'ecpat-philippines' }])
    }

    const edit = await sg.query(UPDATE, { id: 'ecpat-philippines', v: 2, input: { website: 'https://example.org/x' } }, ecpatPhilippines)
    t.equal(edit.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'its own staff can no longer edit it')

    const restored = await sg.query(UPDATE, { id: 'ecpat-philippines', v: 2, input: { status: 'ACTIVE' } }, secretariat)
    t.match(restored.data.updatePartner, { version: 3, status: 'ACTIVE' })
    t.equal((await sg.query(EVERYWHERE, { id: 'ecpat-philippines' })).data.partner.id, 'ecpat-philippines', 'the Secretariat can restore it')
    const log = await sg.query(CHANGES, { id: 'ecpat-philippines' }, secretariat)
    t.same(log.data.partner.changes.map((c: any) => c.fields), [
      [{ field: 'status', oldValue: '"ACTIVE"', newValue: '"RETIRED"' }],
      [{ field: 'status', oldValue: '"RETIRED"', newValue: '"ACTIVE"' }],
    ])
  })

  t.test('a tech company registers unverified and is verified by the Secretariat, who is named', async (t) => {
    const reg = await sg.query(
      REGISTER,
      { input: registration({ id: 'example-video-app', kind: 'TECH_COMPANY', scope: 'INTERNATIONAL', countries: ['SG', 'TH'], headquarters: 'SG', focusAreas: ['rpa-2021-7'] }) },
      secretariat,
    )
    t.notOk(reg.errors)
    t.match(reg.data.registerPartner, { __typename: 'TechCompany', version: 1, verification: { verified: false, verifiedAt: null, verifiedBy: null } })

    const noSource = await sg.query(VERIFY, { id: 'example-video-app', v: 1, verified: true }, secretariat)
    t.same(noSource.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['source'])
    const notTech = await sg.query(VERIFY, { id: 'iwf', v: 1, verified: true, source: 'x' }, secretariat)
    t.match(notTech.errors?.[0]?.extensions?.violations, [{ path: 'id', message: /CIVIL_SOCIETY partner: only tech companies/ }])
    const byItself = await sg.query(VERIFY, { id: 'example-video-app', v: 1, verified: true, source: 'We say so' }, identity('tech_company', { org: 'example-video-app' }))
    t.equal(byItself.errors?.[0]?.extensions?.code, 'FORBIDDEN')

    const ok = await sg.query(VERIFY, { id: 'example-video-app', v: 1, verified: true, source: 'Company registration checked against the Singapore business registry' }, secretariat)
    t.same(ok.data.verifyTechCompany, {
      id: 'example-video-app',
      version: 2,
      verification: { verified: true, verifiedAt: NOW.toISOString(), verifiedBy: 'asean-secretariat', source: 'Company registration checked against the Singapore business registry' },
    })
    const revoked = await sg.query(VERIFY, { id: 'example-video-app', v: 2, verified: false }, secretariat)
    t.match(revoked.data.verifyTechCompany, { version: 3, verification: { verified: false, verifiedAt: null, verifiedBy: null } })
    const log = await sg.query(CHANGES, { id: 'example-video-app' }, identity('tech_company', { org: 'example-video-app' }))
    t.same(log.data.partner.changes[1].fields.map((f: any) => f.field), ['verification.verified', 'verification.verifiedAt', 'verification.verifiedBy', 'verification.source'])
    t.same(log.data.partner.changes[2].fields.map((f: any) => f.field), ['verification.verified', 'verification.verifiedAt', 'verification.verifiedBy'])
  })

  t.test('a partner that becomes a tech company is unverified until checked again', async (t) => {
    const before = (await sg.query(`{ partner(id: "meta") { version verification { verified } } }`)).data.partner
    t.equal(before.verification.verified, true)
    const byMeta = await sg.query(UPDATE, { id: 'meta', v: before.version, input: { names: [{ lang: 'en', value: 'Meta' }] } }, meta)
    t.equal(byMeta.data.updatePartner.name, 'Meta')
    const moved = await sg.query(UPDATE, { id: 'iwf', v: 1, input: { kind: 'TECH_COMPANY' } }, secretariat)
    t.match(moved.data.updatePartner, { __typename: 'TechCompany', kind: 'TECH_COMPANY', verification: { verified: false } })
    const back = await sg.query(UPDATE, { id: 'iwf', v: 2, input: { kind: 'CIVIL_SOCIETY' } }, secretariat)
    t.match(back.data.updatePartner, { __typename: 'CivilSocietyOrganisation', verification: { verified: true, verifiedBy: 'asean-secretariat' } })
  })
})
