// Every role against every protected field and mutation, through the gateway with real tokens:
// allowed or refused as the policy says, and a refused field never reaches a subgraph.
import t from 'tap'
import type { SubgraphName } from '../../subgraphs/common/config.ts'
import type { TokenClaims } from '../../scripts/token.ts'
import { startTestStack } from '../helpers/stack.ts'

const ROLES: Record<string, TokenClaims | null> = {
  public: null,
  government: { role: 'government', org: 'th-msdhs', country: 'TH' },
  unverifiedTechCompany: { role: 'tech_company', org: 'tiktok', verified: false },
  verifiedTechCompany: { role: 'tech_company', org: 'meta', verified: true },
  civilSociety: { role: 'civil_society', org: 'childline-thailand' },
  unAgency: { role: 'un_agency', org: 'unicef-eapro' },
  secretariat: { role: 'secretariat', org: 'asean-secretariat' },
  admin: { role: 'admin' },
}
const SIGNED_IN = Object.keys(ROLES).filter((r) => r !== 'public')
const RESTRICTED = ['government', 'verifiedTechCompany', 'secretariat', 'admin']
const STAFF = ['secretariat', 'admin']

interface Case {
  what: string
  query: string
  /** The field that is refused, as the subgraph would see it in its document. */
  field: string
  subgraph: SubgraphName
  path: (string | number)[]
  allowed: string[]
}

const CASES: Case[] = [
  { what: 'partner-only contact channels', query: '{ hotline(id: "th-saidek-1387") { id partnerChannels { id } } }', field: 'partnerChannels', subgraph: 'hotlines', path: ['hotline', 'partnerChannels'], allowed: SIGNED_IN },
  { what: 'restricted escalation channels', query: '{ hotline(id: "th-ticac") { id escalationChannels { id value } } }', field: 'escalationChannels', subgraph: 'hotlines', path: ['hotline', 'escalationChannels'], allowed: RESTRICTED },
  { what: 'escalation steps of a referral pathway', query: '{ referralPathway(country: "TH", harm: "csam") { steps { kind escalationContact { value } } } }', field: 'escalationContact', subgraph: 'hotlines', path: ['referralPathway', 'steps', 'escalationContact'], allowed: RESTRICTED },
  { what: "a tech company's law-enforcement request route", query: '{ partner(id: "meta") { id ... on TechCompany { lawEnforcementRequestRoute { url } } } }', field: 'lawEnforcementRequestRoute', subgraph: 'tech-companies', path: ['partner', 'lawEnforcementRequestRoute'], allowed: RESTRICTED },
  { what: 'the stale-contact report', query: '{ staleContacts(country: "TH") { daysSinceVerified } }', field: 'staleContacts', subgraph: 'hotlines', path: ['staleContacts'], allowed: STAFF },
  { what: 'the coverage-gap report', query: '{ coverageGaps(asOf: "2026-01-01") { country focusArea } }', field: 'coverageGaps', subgraph: 'commitments', path: ['coverageGaps'], allowed: STAFF },
  { what: 'commitment counts by focus area', query: '{ commitmentsByFocusArea(period: { from: "2022-01-01", to: "2026-12-31" }) { focusArea country total } }', field: 'commitmentsByFocusArea', subgraph: 'commitments', path: ['commitmentsByFocusArea'], allowed: STAFF },
  { what: 'progress notes', query: '{ commitments(first: 3) { nodes { id progress { percent note } } } }', field: 'note', subgraph: 'commitments', path: ['commitments', 'nodes', 'progress', 'note'], allowed: SIGNED_IN },
  { what: "a program's change log", query: '{ programs(first: 2) { nodes { id changes { version } } } }', field: 'changes', subgraph: 'civil-society', path: ['programs', 'nodes', 'changes'], allowed: SIGNED_IN },
  { what: 'creating a program', query: 'mutation { createProgram(input: { titles: [], countries: ["XX"] }) { id } }', field: 'createProgram', subgraph: 'civil-society', path: ['createProgram'], allowed: ['civilSociety', 'unAgency', ...STAFF] },
  { what: 'recording commitment progress', query: 'mutation { recordProgress(commitmentId: "no-such-commitment", date: "2026-01-01", percent: 10, note: "x") { id } }', field: 'recordProgress', subgraph: 'commitments', path: ['recordProgress'], allowed: ['government', ...STAFF] },
  // Operators keep their own channels: the gateway lets any organisation's staff through, and the subgraph decides ownership.
  { what: 'adding a contact channel', query: 'mutation { addContactChannel(hotlineId: "no-such-hotline", input: { type: EMAIL, value: "x", source: "test" }) { id } }', field: 'addContactChannel', subgraph: 'hotlines', path: ['addContactChannel'], allowed: SIGNED_IN },
  { what: "a service's change log", query: '{ hotline(id: "vn-111") { id changes { version } } }', field: 'changes', subgraph: 'hotlines', path: ['hotline', 'changes'], allowed: SIGNED_IN },
  { what: 'the contact review queue', query: '{ reviewQueue(country: "VN") { reason } }', field: 'reviewQueue', subgraph: 'hotlines', path: ['reviewQueue'], allowed: STAFF },
  { what: 'retiring a resource', query: 'mutation { retireResource(id: "no-such-resource", expectedVersion: 1) { id } }', field: 'retireResource', subgraph: 'resources', path: ['retireResource'], allowed: SIGNED_IN },
]

t.test('the access policy, role by role, through the gateway', async (t) => {
  const stack = await startTestStack(t)
  const tokens: Record<string, string | undefined> = {}
  for (const [name, claims] of Object.entries(ROLES)) tokens[name] = claims ? await stack.token(claims) : undefined

  for (const c of CASES) {
    t.test(c.what, async (t) => {
      for (const role of Object.keys(ROLES)) {
        stack.received.clear()
        const res = await stack.query(c.query, {}, tokens[role])
        const asked = (stack.received.get(c.subgraph) ?? []).some((doc) => doc.includes(c.field))
        const refusal = res.errors?.find((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')
        t.equal(res.status, 200, `${role}: HTTP 200`)
        if (c.allowed.includes(role)) {
          t.notOk(refusal, `${role} may`)
          t.ok(asked, `${role}: the ${c.subgraph} subgraph was asked for ${c.field}`)
        } else {
          t.match(refusal, { message: 'Unauthorized field or type', path: c.path }, `${role} may not`)
          t.notOk(asked, `${role}: the ${c.subgraph} subgraph was never asked for ${c.field}`)
        }
      }
    })
  }

  t.test('refused fields come back as null in the shape asked for, with the rest of the data', async (t) => {
    const res = await stack.query('{ partner(id: "meta") { id name ... on TechCompany { platforms { name } lawEnforcementRequestRoute { url } } } }')
    t.equal(res.data.partner.id, 'meta')
    t.ok(res.data.partner.platforms.length > 0, 'the allowed fields of the same object are there')
    t.equal(res.data.partner.lawEnforcementRequestRoute, null)
    t.equal(res.errors?.length, 1)
  })

  t.test('a refused non-null field nulls its parent, as graphql does', async (t) => {
    const res = await stack.query('{ hotline(id: "th-ticac") { id escalationChannels { id } } }')
    t.same(res.data, { hotline: null })
    t.same(res.errors?.[0]?.path, ['hotline', 'escalationChannels'])
  })

  t.test('an operation with nothing left is not sent anywhere and answers data null', async (t) => {
    stack.received.clear()
    const res = await stack.query('{ staleContacts { daysSinceVerified } coverageGaps { country } }')
    t.equal(res.data, null)
    t.equal(res.errors?.length, 2)
    t.equal(stack.received.size, 0, 'no subgraph was called')
  })

  t.test('fields refused inside fragments are found, and unused variables dropped', async (t) => {
    stack.received.clear()
    const res = await stack.query(
      `query($id: ID!, $c: String) { hotline(id: $id) { ...H } staleContacts(country: $c) { daysSinceVerified } }
       fragment H on Hotline { id name channels { value } escalationChannels { value } }`,
      { id: 'th-saidek-1387', c: 'TH' },
    )
    t.same(res.errors?.map((e) => e.path).sort(), [['hotline', 'escalationChannels'], ['staleContacts']].sort())
    t.notOk((stack.received.get('hotlines') ?? []).some((d) => d.includes('escalationChannels') || d.includes('staleContacts')))
  })

  t.test('one permission set never gets the plan or answer of another for the same query', async (t) => {
    const query = '{ hotline(id: "th-ticac") { id escalationChannels { value } } }'
    for (let i = 0; i < 3; i++) {
      const allowed = await stack.query(query, {}, tokens.verifiedTechCompany)
      t.ok(allowed.data.hotline.escalationChannels.length > 0, 'the verified company sees the escalation channel')
      t.match(allowed.data.hotline.escalationChannels[0].value, /example\.org/)
      const refused = await stack.query(query)
      t.same(refused.data, { hotline: null }, 'the public never does')
    }
  })

  t.test('the public directory is readable by everyone', async (t) => {
    const res = await stack.query('{ partners(filter: { country: "TH" }) { totalCount nodes { id name } } }')
    t.notOk(res.errors)
    t.ok(res.data.partners.totalCount > 0)
  })
})
