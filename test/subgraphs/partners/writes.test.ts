// The Secretariat registers, edits, retires and verifies partners; a partner's own staff keep
// its profile current; every write is versioned and logged.
import t from 'tap'
import { definition } from '../../../subgraphs/partners/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'
import { aple, CHANGES, ecpatPhilippines, REGISTER, registration, secretariat, UPDATE } from './fixtures/registry.ts'

const NOW = new Date('2026-05-04T09:00:00.000Z')

t.test('partner registry writes', async (t) => {
  const sg = await startTestSubgraph(t, definition, { clock: () => NOW })

  t.test('the Secretariat registers a partner, vouched for and logged as version 1', async (t) => {
    const res = await sg.query(REGISTER, { input: registration() }, secretariat)
    t.notOk(res.errors)
    t.match(res.data.registerPartner, {
      __typename: 'CivilSocietyOrganisation',
      id: 'kh-example-child-safety-network',
      kind: 'CIVIL_SOCIETY',
      version: 1,
      status: 'ACTIVE',
      name: 'Example Child Safety Network',
      scope: 'NATIONAL',
      countries: [{ code: 'KH' }],
      headquarters: { code: 'KH' },
      focusAreas: [{ code: 'rpa-2021-6' }],
      verification: { verified: true, verifiedAt: NOW.toISOString(), verifiedBy: 'asean-secretariat', source: 'Registration form received by the ASEAN Secretariat' },
    })
    const found = await sg.query(`{ partners(filter: { text: "សុវត្ថិភាព" }) { nodes { id } } }`)
    t.same(found.data.partners.nodes, [{ id: 'kh-example-child-safety-network' }], 'found by its Khmer name')

    const log = await sg.query(CHANGES, { id: 'kh-example-child-safety-network' }, secretariat)
    t.match(log.data.partner.changes, [{ version: 1, actorSub: 'officer@asean.org', actorOrg: 'asean-secretariat', at: NOW.toISOString() }])
    t.same(
      log.data.partner.changes[0].fields.map((f: any) => f.field).sort(),
      ['countries', 'descriptions', 'focusAreas', 'headquarters', 'kind', 'names', 'scope', 'status',
        'verification.source', 'verification.verified', 'verification.verifiedAt', 'verification.verifiedBy', 'website'],
    )
  })

  t.test('the id comes from the English name when none is given, and is never taken twice', async (t) => {
    const derived = await sg.query(REGISTER, { input: registration({ id: undefined, names: [{ lang: 'en', value: 'Lào Cai Youth Café' }], countries: ['VN'] }) }, secretariat)
    t.equal(derived.data.registerPartner.id, 'lao-cai-youth-cafe')
    const again = await sg.query(REGISTER, { input: registration({ id: 'lao-cai-youth-cafe' }) }, secretariat)
    t.equal(again.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(again.errors?.[0]?.extensions?.violations, [{ path: 'input.id', message: '"lao-cai-youth-cafe" is already registered: choose another id' }])
  })

  t.test('only the Secretariat registers, even when the gateway is bypassed by mistake', async (t) => {
    const res = await sg.query(REGISTER, { input: registration({ id: 'kh-self-registered' }) }, aple)
    t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const [row] = await sg.db.query<{ n: number }>(`select count(*)::int as n from partners.partner where id = 'kh-self-registered'`)
    t.equal(row!.n, 0)
  })

  t.test("a partner's own staff update its profile; fields not given stay", async (t) => {
    const before = (await sg.query(`{ partner(id: "aple-cambodia") { version countries { code } focusAreas { code } } }`)).data.partner
    const res = await sg.query(
      UPDATE,
      { id: 'aple-cambodia', v: before.version, input: { website: 'https://aplecambodia.org/report', descriptions: [{ lang: 'en', value: 'Runs Internet Hotline Cambodia, an INHOPE member.' }, { lang: 'km', value: 'ដំណើរការខ្សែទូរស័ព្ទអ៊ីនធឺណិតកម្ពុជា' }] } },
      aple,
    )
    t.notOk(res.errors)
    t.match(res.data.updatePartner, { id: 'aple-cambodia', version: before.version + 1, website: 'https://aplecambodia.org/report', countries: before.countries, focusAreas: before.focusAreas })
    const log = await sg.query(CHANGES, { id: 'aple-cambodia' }, aple)
    const last = log.data.partner.changes.at(-1)
    t.match(last, { version: before.version + 1, actorSub: 'sokha@aple-cambodia', actorOrg: 'aple-cambodia' })
    t.same(last.fields.map((f: any) => f.field), ['descriptions', 'website'])
    t.same(last.fields[1], { field: 'website', oldValue: '"https://aplecambodia.org"', newValue: '"https://aplecambodia.org/report"' })

    const same = await sg.query(UPDATE, { id: 'aple-cambodia', v: before.version + 1, input: { website: 'https://aplecambodia.org/report' } }, aple)
    t.equal(same.data.updatePartner.version, before.version + 1, 'a write that changes nothing leaves the version alone')
  })

  t.test("kind, countries and the other registry fields stay the Secretariat's", async (t) => {
    const res = await sg.query(UPDATE, { id: 'aple-cambodia', v: 2, input: { names: [{ lang: 'en', value: 'APLE' }], countries: ['KH', 'TH'], kind: 'GOVERNMENT' } }, aple)
    t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.match(res.errors?.[0]?.message, /input\.kind, input\.countries: kept by the ASEAN Secretariat/)
    const after = await sg.query(`{ partner(id: "aple-cambodia") { version name countries { code } } }`)
    t.same(after.data.partner, { version: 2, name: 'Action Pour Les Enfants (APLE Cambodia)', countries: [{ code: 'KH' }] }, 'nothing was written')

    const staff = await sg.query(UPDATE, { id: 'aple-cambodia', v: 2, input: { countries: ['KH', 'TH'], scope: 'REGIONAL' } }, secretariat)
    t.notOk(staff.errors)
    t.match(staff.data.updatePartner, { version: 3, scope: 'REGIONAL', countries: [{ code: 'KH' }, { code: 'TH' }] })
  })

  t.test('another organisation may neither edit a partner nor read its change log', async (t) => {
    const write = await sg.query(UPDATE, { id: 'aple-cambodia', v: 3, input: { website: 'https://example.org/hijack' } }, ecpatPhilippines)
    t.equal(write.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.match(write.errors?.[0]?.message, /you act for "ecpat-philippines"/)
    const log = await sg.query(CHANGES, { id: 'aple-cambodia' }, ecpatPhilippines)
    t.equal(log.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    const nobody = await sg.query(UPDATE, { id: 'aple-cambodia', v: 3, input: { website: 'https://example.org/hijack' } }, identity('public'))
    t.equal(nobody.errors?.[0]?.extensions?.code, 'FORBIDDEN')
  })

  t.test('a stale version is refused with the version to reload, and nothing is written', async (t) => {
    const res = await sg.query(UPDATE, { id: 'aple-cambodia', v: 2, input: { website: 'https://example.org/stale' } }, aple)
    t.equal(res.errors?.[0]?.extensions?.code, 'CONFLICT')
    t.equal(res.errors?.[0]?.extensions?.currentVersion, 3)
    t.equal(res.errors?.[0]?.extensions?.expectedVersion, 2)
    const after = await sg.query(`{ partner(id: "aple-cambodia") { version website } }`)
    t.same(after.data.partner, { version: 3, website: 'https://aplecambodia.org/report' })
  })

  t.test('concurrent edits from the same version: exactly one wins', async (t) => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => sg.query(UPDATE, { id: 'ecpat-philippines', v: 1, input: { website: `https://example.org/edit-${i}` } }, ecpatPhilippines)),
    )
    t.equal(results.filter((r) => !r.errors).length, 1, 'one write wins')
    for (const r of results.filter((r) => r.errors)) t.match(r.errors![0]!.extensions, { code: 'CONFLICT', currentVersion: 2 })
    const [row] = await sg.db.query<{ n: number }>(`select count(distinct version)::int as n from partners.partner_change where entity_id = 'ecpat-philippines'`)
    t.equal(row!.n, 1, 'one logged write')
  })

  t.test('every violation is reported at once, with its path, and nothing is written', async (t) => {
    const res = await sg.query(
      REGISTER,
      {
        input: registration({
          id: 'kh-invalid-partner',
          names: [{ lang: 'km', value: 'ឈ្មោះ' }, { lang: 'km', value: ' ' }],
          countries: [],
          headquarters: 'XX',
          website: 'ftp://example.org',
          focusAreas: ['rpa-2021-9'],
          source: '',
        }),
      },
      secretariat,
    )
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), [
      'input.names[1].lang',
      'input.names[1].value',
      'input.names',
      'input.countries',
      'input.headquarters',
      'input.website',
      'input.focusAreas[0]',
      'input.source',
    ])
    t.match(res.errors?.[0]?.extensions?.violations[2].message, /English/)
    t.match(res.errors?.[0]?.extensions?.violations[6].message, /rpa-2021-1, .*rpa-2021-7/, 'names the allowed codes')
    const [row] = await sg.db.query<{ n: number }>(`select count(*)::int as n from partners.partner where id = 'kh-invalid-partner'`)
    t.equal(row!.n, 0)

    const update = await sg.query(UPDATE, { id: 'aple-cambodia', v: 3, input: { names: null, website: 'not a url' } }, aple)
    t.same(update.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.names', 'input.website'])
    const retire = await sg.query(UPDATE, { id: 'aple-cambodia', v: 3, input: { status: 'RETIRED', scope: 'NATIONAL', countries: [] } }, secretariat)
    t.same(retire.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['input.countries', 'input.status'])
  })
})
