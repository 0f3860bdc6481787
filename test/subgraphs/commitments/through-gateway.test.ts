// Commitments inside the supergraph: partner references resolve to real partners (with their
// names from the partners subgraph), partners and countries list their commitments, and the
// gateway lets a government record progress only where the subgraph agrees.
import t from 'tap'
import { startTestStack } from '../../helpers/stack.ts'

t.test('commitments through the gateway', async (t) => {
  const stack = await startTestStack(t, { names: ['partners', 'governments', 'commitments'], clock: () => new Date('2026-03-15T12:00:00Z') })

  t.test("a commitment's partner is the registry's partner, with its name and kind", async (t) => {
    const res = await stack.query(`{ commitment(id: "illustrative-8-id-kemenpppa") { title focusArea { label(lang: "id") }
      partner { __typename id kind name } countries { code name } } }`)
    t.notOk(res.errors, JSON.stringify(res.errors))
    t.match(res.data.commitment, {
      title: /^Illustrative example, not a real pledge/,
      focusArea: { label: 'Program pendidikan nasional dan peningkatan kesadaran' },
      partner: { __typename: 'GovernmentAgency', id: 'id-kemenpppa', kind: 'GOVERNMENT', name: /Women Empowerment and Child Protection/ },
      countries: [{ code: 'ID', name: /Indonesia/ }],
    })
  })

  t.test('every kind of partner lists its commitments, and focus areas resolve on partners', async (t) => {
    const res = await stack.query(`{
      un: partner(id: "unicef-eapro") { ... on UnAgency { commitments { id } focusAreas { code label } } }
      tech: partner(id: "meta") { ... on TechCompany { commitments { id status } } }
      ngo: partner(id: "ecpat-philippines") { ... on CivilSocietyOrganisation { commitments { id } } }
    }`)
    t.notOk(res.errors, JSON.stringify(res.errors))
    t.same(res.data.un.commitments, [{ id: 'illustrative-9-unicef-eapro' }])
    t.equal(res.data.un.focusAreas[0].label, 'Legal and policy framework')
    t.same(res.data.tech.commitments, [{ id: 'illustrative-10-meta', status: 'PLEDGED' }])
    t.same(res.data.ngo.commitments, [{ id: 'illustrative-5-ecpat-philippines' }])
  })

  t.test("the Secretariat's partner counts join the partners' names", async (t) => {
    const staff = await stack.token({ role: 'secretariat', org: 'asean-secretariat' })
    const res = await stack.query(`{ partnerCommitmentCounts(asOf: "2026-03-15") { partnerId total partner { name } } }`, {}, staff)
    t.notOk(res.errors, JSON.stringify(res.errors))
    t.match(res.data.partnerCommitmentCounts.find((r: any) => r.partnerId === 'la-lyu'), { total: 1, partner: { name: 'Lao Youth Union' } })
  })

  t.test('a government records progress for its own country only', async (t) => {
    const thai = await stack.token({ role: 'government', org: 'th-msdhs', country: 'TH' })
    const mutation = `mutation($id: ID!) { recordProgress(commitmentId: $id, date: "2026-03-14", percent: 60, note: "Mid-term review.") {
      status latestProgress { percent } partner { name } } }`
    const own = await stack.query(mutation, { id: 'illustrative-2-th-rtp-ticac' }, thai)
    t.notOk(own.errors, JSON.stringify(own.errors))
    t.match(own.data.recordProgress, { status: 'IN_PROGRESS', latestProgress: { percent: 60 }, partner: { name: /TICAC/ } })
    const other = await stack.query(mutation, { id: 'illustrative-4-ph-cwc' }, thai)
    t.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN')
  })
})
