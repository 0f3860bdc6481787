// Keeping the partner registry current through the gateway, with real tokens: for a registry
// entry, a government mandate, a tech company's law-enforcement route and a UN project, the
// owner writes, another organisation is refused by the subgraph, the Secretariat writes, a stale
// version is refused, bad input is reported field by field, the change log records the write,
// and retirement takes the record out of public answers.
import t from 'tap'
import { startTestStack } from '../helpers/stack.ts'

const NOW = new Date('2026-05-04T09:00:00.000Z')
const codes = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.map((e) => e.extensions?.code)
const paths = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.violations?.map((v: any) => v.path)

t.test('registry writes through the gateway', async (t) => {
  const stack = await startTestStack(t, { names: ['partners', 'governments', 'tech-companies', 'un-agencies'], clock: () => NOW })
  const secretariat = await stack.token({ sub: 'officer@asean.org', role: 'secretariat', org: 'asean-secretariat' })
  const q = stack.query

  t.test('a partner registry entry', async (t) => {
    const register = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id version verification { verified verifiedBy } } }`
    const update = `mutation($id: ID!, $v: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, expectedVersion: $v, input: $input) {
      id version website countries { code } changes { version actorSub actorOrg fields { field oldValue newValue } } } }`
    const input = {
      id: 'kh-example-child-safety-network',
      kind: 'CIVIL_SOCIETY',
      names: [{ lang: 'en', value: 'Example Child Safety Network' }],
      countries: ['KH'],
      website: 'https://example.org/child-safety',
      source: 'Registration form received by the ASEAN Secretariat',
    }
    const owner = await stack.token({ sub: 'dara@example.org', role: 'civil_society', org: input.id })
    const other = await stack.token({ role: 'civil_society', org: 'ecpat-philippines' })

    t.same(codes(await q(register, { input })), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'the public may not register')
    t.same(codes(await q(register, { input }, owner)), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'nor may a partner')
    const registered = await q(register, { input }, secretariat)
    t.same(registered.data.registerPartner, { id: input.id, version: 1, verification: { verified: true, verifiedBy: 'asean-secretariat' } })

    const own = await q(update, { id: input.id, v: 1, input: { website: 'https://example.org/report-abuse' } }, owner)
    t.notOk(own.errors)
    t.match(own.data.updatePartner, { version: 2, website: 'https://example.org/report-abuse' })
    t.same(own.data.updatePartner.changes[1], {
      version: 2,
      actorSub: 'dara@example.org',
      actorOrg: input.id,
      fields: [{ field: 'website', oldValue: '"https://example.org/child-safety"', newValue: '"https://example.org/report-abuse"' }],
    })
    t.same(codes(await q(update, { id: input.id, v: 2, input: { countries: ['KH', 'TH'] } }, owner)), ['FORBIDDEN'], "countries stay the Secretariat's")
    t.same(codes(await q(update, { id: input.id, v: 2, input: { website: 'https://example.org/x' } }, other)), ['FORBIDDEN'], 'another organisation is refused')
    const staff = await q(update, { id: input.id, v: 2, input: { countries: ['KH', 'TH'], scope: 'REGIONAL' } }, secretariat)
    t.match(staff.data.updatePartner, { version: 3, countries: [{ code: 'KH' }, { code: 'TH' }] })
    const stale = await q(update, { id: input.id, v: 2, input: { website: 'https://example.org/stale' } }, owner)
    t.match(stale.errors?.[0]?.extensions, { code: 'CONFLICT', currentVersion: 3 })
    const invalid = await q(update, { id: input.id, v: 3, input: { names: [{ lang: 'km', value: 'ឈ្មោះ' }], website: 'example' } }, owner)
    t.same(paths(invalid), ['input.names', 'input.website'])

    const log = `query($id: ID!) { partner(id: $id) { id changes { version } } }`
    t.same(codes(await q(log, { id: input.id })), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'the public never reaches the change log')
    t.same(codes(await q(log, { id: input.id }, other)), ['FORBIDDEN'], 'nor does another organisation')
    t.same((await q(log, { id: input.id }, owner)).data.partner.changes.map((c: any) => c.version), [1, 2, 3])

    const retired = await q(`mutation { retirePartner(id: "${input.id}", expectedVersion: 3) { id status } }`, {}, secretariat)
    t.same(retired.data.retirePartner, { id: input.id, status: 'RETIRED' })
    const view = `{ partner(id: "${input.id}") { id status } partners(filter: { text: "Example Child Safety" }) { nodes { id } }
      country(code: "KH") { partners(kind: CIVIL_SOCIETY) { id } } }`
    for (const token of [undefined, owner, other]) {
      const res = await q(view, {}, token)
      t.notOk(res.errors)
      t.same([res.data.partner, res.data.partners.nodes], [null, []], 'gone from partner(id) and the directory')
      t.notOk(res.data.country.partners.some((p: any) => p.id === input.id), "and from the country's partners")
    }
    const staffView = await q(view, {}, secretariat)
    t.same(staffView.data.partner, { id: input.id, status: 'RETIRED' }, 'the Secretariat still sees it')
    t.ok(staffView.data.country.partners.some((p: any) => p.id === input.id))
  })

  t.test("a government agency's mandate", async (t) => {
    const update = `mutation($id: ID!, $v: Int!, $input: AgencyMandateInput!) { updateAgencyMandate(id: $id, expectedVersion: $v, input: $input) {
      id name detailsVersion mandate mandateSource detailsChanges { version actorOrg fields { field } } } }`
    const read = `{ partner(id: "th-msdhs") { id status ... on GovernmentAgency { detailsVersion retiredAt mandate } } country(code: "TH") { agencies { id } } }`
    const owner = await stack.token({ sub: 'somchai@example.org', role: 'government', org: 'th-msdhs', country: 'TH' })
    const other = await stack.token({ role: 'government', org: 'th-rtp-ticac', country: 'TH' })
    const mandate = [{ lang: 'en', value: 'Department of Children and Youth; runs the 1300 Prachabodi centre.' }]

    t.same(codes(await q(update, { id: 'th-msdhs', v: 1, input: { mandates: mandate } })), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'the public may not write')
    const own = await q(update, { id: 'th-msdhs', v: 1, input: { mandates: mandate } }, owner)
    t.notOk(own.errors)
    t.match(own.data.updateAgencyMandate, {
      name: 'Ministry of Social Development and Human Security (Thailand)',
      detailsVersion: 2,
      mandate: mandate[0]!.value,
      mandateSource: 'Given by th-msdhs through the partner directory',
    })
    t.same(own.data.updateAgencyMandate.detailsChanges.at(-1), { version: 2, actorOrg: 'th-msdhs', fields: [{ field: 'mandates' }, { field: 'mandateSource' }] })
    t.same(codes(await q(update, { id: 'th-msdhs', v: 2, input: { mandateSource: 'x' } }, other)), ['FORBIDDEN'], 'another agency is refused')
    const staff = await q(update, { id: 'th-msdhs', v: 2, input: { mandateSource: 'MSDHS annual report 2025' } }, secretariat)
    t.equal(staff.data.updateAgencyMandate.detailsVersion, 3)
    t.match(codes(await q(update, { id: 'th-msdhs', v: 2, input: { mandateSource: 'stale' } }, owner)), ['CONFLICT'])
    t.same(paths(await q(update, { id: 'th-msdhs', v: 3, input: { mandates: [{ lang: 'th!', value: '' }] } }, owner)), ['input.mandates[0].lang', 'input.mandates[0].value'])
    const otherLog = await q(`{ partner(id: "th-msdhs") { ... on GovernmentAgency { detailsChanges { version } } } }`, {}, other)
    t.same(codes(otherLog), ['FORBIDDEN'], "another agency never reads the change log")

    const retire = await q(
      `mutation { retirePartner(id: "th-msdhs", expectedVersion: 1) { status } retireGovernmentAgency(id: "th-msdhs", expectedVersion: 3) { retiredAt } }`,
      {},
      secretariat,
    )
    t.same(retire.data, { retirePartner: { status: 'RETIRED' }, retireGovernmentAgency: { retiredAt: NOW.toISOString() } })
    for (const token of [undefined, owner]) {
      const res = await q(read, {}, token)
      t.equal(res.data.partner, null, 'the agency is gone from partner(id)')
      t.notOk(res.data.country.agencies.some((a: any) => a.id === 'th-msdhs'), "and from the country's agencies")
    }
    const staffView = await q(read, {}, secretariat)
    t.same(staffView.data.partner, { id: 'th-msdhs', status: 'RETIRED', detailsVersion: 4, retiredAt: NOW.toISOString(), mandate: mandate[0]!.value })
  })

  t.test("a tech company's law-enforcement request route", async (t) => {
    const update = `mutation($c: ID!, $v: Int!, $input: LawEnforcementRouteInput!) { updateLawEnforcementRoute(companyId: $c, expectedVersion: $v, input: $input) {
      url email example version status changes { version actorOrg fields { field } } } }`
    const read = `{ partner(id: "meta") { name ... on TechCompany { lawEnforcementRequestRoute { url status version } } } }`
    const owner = await stack.token({ sub: 'trust@example.org', role: 'tech_company', org: 'meta', verified: true })
    const unverified = await stack.token({ role: 'tech_company', org: 'meta', verified: false })
    const other = await stack.token({ role: 'tech_company', org: 'google', verified: true })
    const police = await stack.token({ role: 'government', org: 'th-rtp-ticac', country: 'TH' })
    // Reserved example domains: no real escalation contact is written here.
    const route = { url: 'https://law-enforcement.example.net/requests', note: 'Legal process through the portal; emergencies by email.' }

    t.same(codes(await q(update, { c: 'meta', v: 1, input: route })), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'the public may not write')
    const own = await q(update, { c: 'meta', v: 1, input: route }, owner)
    t.notOk(own.errors)
    t.match(own.data.updateLawEnforcementRoute, { url: route.url, email: null, example: false, version: 2, status: 'ACTIVE' })
    t.same(own.data.updateLawEnforcementRoute.changes, [{ version: 2, actorOrg: 'meta', fields: ['url', 'email', 'note', 'source', 'example'].map((field) => ({ field })) }])
    t.same(codes(await q(update, { c: 'meta', v: 2, input: { note: 'x' } }, other)), ['FORBIDDEN'], 'another company is refused')
    // An unverified sign-in may read none of the route's fields, so the gateway removes them; the
    // write itself still reaches the subgraph, which refuses it.
    t.ok(codes(await q(update, { c: 'meta', v: 2, input: { note: 'x' } }, unverified))?.includes('FORBIDDEN'), 'so is an unverified sign-in for the company')
    const staff = await q(update, { c: 'meta', v: 2, input: { email: 'requests@example.net' } }, secretariat)
    t.match(staff.data.updateLawEnforcementRoute, { email: 'requests@example.net', version: 3 })
    t.match(codes(await q(update, { c: 'meta', v: 2, input: { note: 'stale' } }, owner)), ['CONFLICT'])
    t.same(paths(await q(update, { c: 'meta', v: 3, input: { url: 'http://example.net', email: 'nope' } }, owner)), ['input.url', 'input.email'])
    t.same(codes(await q(`{ partner(id: "meta") { ... on TechCompany { lawEnforcementRequestRoute { changes { version } } } } }`, {}, police)), ['FORBIDDEN'], 'law enforcement reads the route, not its history')

    const publicRead = await q(read)
    t.same(codes(publicRead), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'the public never reads a route')
    t.match((await q(read, {}, police)).data.partner.lawEnforcementRequestRoute, { url: route.url, status: 'ACTIVE', version: 3 })
    const retired = await q(`mutation { retireLawEnforcementRoute(companyId: "meta", expectedVersion: 3) { status } }`, {}, owner)
    t.same(retired.data.retireLawEnforcementRoute, { status: 'RETIRED' })
    t.equal((await q(read, {}, police)).data.partner.lawEnforcementRequestRoute, null, 'a retired route is gone for its readers')
    t.equal((await q(read, {}, other)).data.partner.lawEnforcementRequestRoute, null)
    t.match((await q(read, {}, secretariat)).data.partner.lawEnforcementRequestRoute, { status: 'RETIRED', version: 4 })
    t.match((await q(read, {}, owner)).data.partner.lawEnforcementRequestRoute, { status: 'RETIRED' })
  })

  t.test("a UN agency's technical-assistance project", async (t) => {
    const create = `mutation($input: CreateTechnicalAssistanceProjectInput!) { createTechnicalAssistanceProject(input: $input) { id version agency { id name } } }`
    const update = `mutation($id: ID!, $v: Int!, $input: UpdateTechnicalAssistanceProjectInput!) {
      updateTechnicalAssistanceProject(id: $id, expectedVersion: $v, input: $input) { version status changes { version actorOrg fields { field newValue } } } }`
    const owner = await stack.token({ sub: 'malee@example.org', role: 'un_agency', org: 'unicef-eapro' })
    const other = await stack.token({ role: 'un_agency', org: 'unodc' })
    const input = {
      titles: [{ lang: 'en', value: 'Child online protection training for Cambodian police' }],
      countries: ['KH'],
      focusAreas: ['rpa-2021-3'],
      source: 'UNICEF Cambodia programme document, 2026',
    }

    t.same(codes(await q(create, { input })), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'the public may not write')
    const created = await q(create, { input }, owner)
    t.notOk(created.errors)
    const { id } = created.data.createTechnicalAssistanceProject
    t.match(created.data.createTechnicalAssistanceProject, { version: 1, agency: { id: 'unicef-eapro', name: 'UNICEF East Asia and Pacific Regional Office' } })
    const own = await q(update, { id, v: 1, input: { status: 'COMPLETED' } }, owner)
    t.same(own.data.updateTechnicalAssistanceProject.changes[1], { version: 2, actorOrg: 'unicef-eapro', fields: [{ field: 'status', newValue: '"COMPLETED"' }] })
    t.same(codes(await q(update, { id, v: 2, input: { status: 'ONGOING' } }, other)), ['FORBIDDEN'], 'another agency is refused')
    t.equal((await q(update, { id, v: 2, input: { countries: ['KH', 'LA'] } }, secretariat)).data.updateTechnicalAssistanceProject.version, 3)
    t.match(codes(await q(update, { id, v: 2, input: { status: 'ONGOING' } }, owner)), ['CONFLICT'])
    t.same(paths(await q(update, { id, v: 3, input: { countries: ['XX'], focusAreas: ['rpa-2021-0'] } }, owner)), ['input.countries[0]', 'input.focusAreas[0]'])

    const view = `{ technicalAssistanceProjects(country: "KH") { id } partner(id: "unicef-eapro") { ... on UnAgency { technicalAssistanceProjects { id } } } }`
    const before = await q(view)
    t.ok(before.data.technicalAssistanceProjects.some((p: any) => p.id === id), 'listed before it is retired')
    const retired = await q(`mutation($id: ID!) { retireTechnicalAssistanceProject(id: $id, expectedVersion: 3) { status } }`, { id }, owner)
    t.same(retired.data.retireTechnicalAssistanceProject, { status: 'RETIRED' })
    for (const token of [undefined, other]) {
      const res = await q(view, {}, token)
      t.notOk(res.data.technicalAssistanceProjects.some((p: any) => p.id === id), 'gone from the country listing')
      t.notOk(res.data.partner.technicalAssistanceProjects.some((p: any) => p.id === id), "and from the agency's projects")
    }
    for (const token of [owner, secretariat]) t.ok((await q(view, {}, token)).data.partner.technicalAssistanceProjects.some((p: any) => p.id === id), 'the agency and the Secretariat still see it')
  })

  t.test('newly registered partners of every kind: the directory keeps answering, and their details can be added', async (t) => {
    const register = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`
    const directory = `{ partners(filter: { country: "LA" }, first: 100) { nodes { id name
      ... on GovernmentAgency { agencyType mandate detailsVersion jurisdiction { code } }
      ... on TechCompany { platforms { name } memberships }
      ... on UnAgency { mandate technicalAssistanceProjects { id } } } } }`
    const newcomers = { GOVERNMENT: 'la-example-child-protection-unit', TECH_COMPANY: 'la-example-messaging', UN_AGENCY: 'la-example-un-office' }
    for (const [kind, id] of Object.entries(newcomers)) {
      const res = await q(register, { input: { id, kind, names: [{ lang: 'en', value: `Example ${kind} (Lao PDR)` }], countries: ['LA'], source: 'Registration form' } }, secretariat)
      t.notOk(res.errors, `${kind} registered`)
    }
    const before = await q(directory)
    t.notOk(before.errors, 'no error: a partner without details here is not a broken partner')
    const byId = new Map(before.data.partners.nodes.map((n: any) => [n.id, n]))
    t.same(byId.get(newcomers.GOVERNMENT), { id: newcomers.GOVERNMENT, name: 'Example GOVERNMENT (Lao PDR)', agencyType: null, mandate: null, detailsVersion: 0, jurisdiction: null })
    t.same(byId.get(newcomers.TECH_COMPANY), { id: newcomers.TECH_COMPANY, name: 'Example TECH_COMPANY (Lao PDR)', platforms: [], memberships: [] })
    t.same(byId.get(newcomers.UN_AGENCY), { id: newcomers.UN_AGENCY, name: 'Example UN_AGENCY (Lao PDR)', mandate: null, technicalAssistanceProjects: [] })
    t.ok(byId.has('la-lyu'), 'the seeded partners are still there')

    const record = `mutation($id: ID!, $input: GovernmentAgencyRecordInput!) { recordGovernmentAgency(id: $id, input: $input) {
      id agencyType detailsVersion mandate mandateSource jurisdiction { code } detailsChanges { version actorOrg fields { field } } } }`
    const mandate = `mutation($id: ID!, $v: Int!, $input: AgencyMandateInput!) { updateAgencyMandate(id: $id, expectedVersion: $v, input: $input) { detailsVersion } }`
    const itsStaff = await stack.token({ role: 'government', org: newcomers.GOVERNMENT, country: 'LA' })
    const details = { agencyType: 'LAW_ENFORCEMENT_UNIT', jurisdiction: 'LA', specialised: true, mandates: [{ lang: 'en', value: 'Receives reports of online child sexual exploitation.' }] }
    t.match(codes(await q(mandate, { id: newcomers.GOVERNMENT, v: 0, input: { mandateSource: 'x' } }, secretariat)), ['NOT_FOUND'], 'nothing to update before the details are recorded')
    t.same(codes(await q(record, { id: newcomers.GOVERNMENT, input: details }, itsStaff)), ['UNAUTHORIZED_FIELD_OR_TYPE'], 'only the Secretariat records them')
    t.same(paths(await q(record, { id: newcomers.GOVERNMENT, input: { agencyType: 'MINISTRY', specialised: true } }, secretariat)), ['input.jurisdiction', 'input.specialised'])
    t.same(paths(await q(record, { id: newcomers.GOVERNMENT, input: { ...details, parentBody: 'no-such-agency' } }, secretariat)), ['input.parentBody'])
    const recorded = await q(record, { id: newcomers.GOVERNMENT, input: details }, secretariat)
    t.notOk(recorded.errors)
    t.same(recorded.data.recordGovernmentAgency, {
      id: newcomers.GOVERNMENT,
      agencyType: 'LAW_ENFORCEMENT_UNIT',
      detailsVersion: 1,
      mandate: details.mandates[0]!.value,
      mandateSource: 'Given by asean-secretariat through the partner directory',
      jurisdiction: { code: 'LA' },
      detailsChanges: [{ version: 1, actorOrg: 'asean-secretariat', fields: ['agencyType', 'jurisdiction', 'specialised', 'mandates', 'mandateSource'].map((field) => ({ field })) }],
    })
    t.same(codes(await q(record, { id: newcomers.GOVERNMENT, input: details }, secretariat)), ['CONFLICT'], 'recorded once')
    t.equal((await q(mandate, { id: newcomers.GOVERNMENT, v: 1, input: { mandateSource: 'Decree 2026' } }, itsStaff)).data.updateAgencyMandate.detailsVersion, 2, 'then its own staff keep it')
    const units = await q(`{ country(code: "LA") { specialisedUnits { id } } }`)
    t.ok(units.data.country.specialisedUnits.some((u: any) => u.id === newcomers.GOVERNMENT), 'and it is listed with its country')

    const company = await stack.token({ role: 'tech_company', org: newcomers.TECH_COMPANY, verified: true })
    const route = await q(`mutation($c: ID!, $input: LawEnforcementRouteInput!) { createLawEnforcementRoute(companyId: $c, input: $input) { version status } }`,
      { c: newcomers.TECH_COMPANY, input: { url: 'https://law-enforcement.example.net/la', note: 'Legal process through the portal.', source: 'Company policy page' } }, company)
    t.same(route.data, { createLawEnforcementRoute: { version: 1, status: 'ACTIVE' } }, 'a new company adds its law-enforcement route')

    const unStaff = await stack.token({ role: 'un_agency', org: newcomers.UN_AGENCY })
    const project = await q(`mutation($input: CreateTechnicalAssistanceProjectInput!) { createTechnicalAssistanceProject(input: $input) { version agency { id name } } }`,
      { input: { titles: [{ lang: 'en', value: 'Helpline training' }], countries: ['LA'], focusAreas: ['rpa-2021-3'], source: 'Project document' } }, unStaff)
    t.same(project.data, { createTechnicalAssistanceProject: { version: 1, agency: { id: newcomers.UN_AGENCY, name: 'Example UN_AGENCY (Lao PDR)' } } }, 'a new UN agency adds its project')
    t.notOk((await q(directory)).errors, 'and the directory still answers')
  })
})
