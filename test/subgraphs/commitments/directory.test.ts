// Reading plans, focus areas, MNR capabilities and commitments, and resolving them as entities.
import t from 'tap'
import { definition } from '../../../subgraphs/commitments/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

t.test('commitments subgraph', async (t) => {
  const sg = await startTestSubgraph(t, definition, { clock: () => new Date('2026-03-15T12:00:00Z') })

  t.test('lists both plan versions with their status and the focus areas of each', async (t) => {
    const res = await sg.query(`{ plans { code status periodStart periodEnd focusAreas { code number } milestones { when } } }`)
    const [rpa2021, rpa2026] = res.data.plans
    t.match(rpa2021, { code: 'rpa-coea-2021-2025', status: 'ADOPTED', periodStart: '2021-01-01', periodEnd: '2025-12-31' })
    t.same(rpa2021.focusAreas.map((f: any) => f.code), [1, 2, 3, 4, 5, 6, 7].map((n) => `rpa-2021-${n}`))
    t.ok(rpa2021.milestones.some((m: any) => m.when === '2022-02-14'), 'launched online on 14 February 2022')
    t.match(rpa2026, { code: 'rpa-coea-2026-2030', status: 'PRESENTED', focusAreas: [] })
  })

  t.test('focus-area labels in the language asked for, falling back to English', async (t) => {
    const res = await sg.query(`{ focusAreas(plan: "rpa-coea-2021-2025") { code th: label(lang: "th") id: label(lang: "id-ID") en: label plan { code } } }`)
    const [first, second] = res.data.focusAreas
    t.same(first, { code: 'rpa-2021-1', th: 'กรอบกฎหมายและนโยบาย', id: 'Kerangka hukum dan kebijakan', en: 'Legal and policy framework', plan: { code: 'rpa-coea-2021-2025' } })
    t.equal(second.th, 'Capacity of law enforcement, the judiciary and legal professionals', 'no Thai wording: English')
    const unknown = await sg.query(`{ focusAreas(plan: "rpa-2030") { code } }`)
    t.equal(unknown.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })

  t.test('the 21 MNR capabilities in 6 domains', async (t) => {
    const all = (await sg.query(`{ mnrCapabilities { code number domain label } }`)).data.mnrCapabilities
    t.equal(all.length, 21)
    t.equal(new Set(all.map((c: any) => c.domain)).size, 6)
    t.same(all[10], { code: 'MNR-11', number: 11, domain: 'VICTIM', label: 'Child Helpline' })
    t.same(all[11], { code: 'MNR-12', number: 12, domain: 'SOCIETAL', label: 'CSEA Hotline' })
    const industry = (await sg.query(`{ mnrCapabilities(domain: INDUSTRY) { number } }`)).data.mnrCapabilities
    t.same(industry.map((c: any) => c.number), [16, 17, 18, 19])
  })

  t.test('filters commitments and pages them without repeats', async (t) => {
    const seen: string[] = []
    let after: string | null = null
    let total = 0
    do {
      const res: any = await sg.query(
        `query($after: String) { commitments(filter: { country: "ph" }, first: 2, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } nodes { id pledgedOn countries { code } } } }`,
        { after },
      )
      t.notOk(res.errors)
      total = res.data.commitments.totalCount
      for (const node of res.data.commitments.nodes) t.ok(node.countries.some((c: any) => c.code === 'PH'), `${node.id} is in PH`)
      seen.push(...res.data.commitments.nodes.map((n: any) => n.pledgedOn))
      after = res.data.commitments.pageInfo.hasNextPage ? res.data.commitments.pageInfo.endCursor : null
    } while (after)
    t.equal(total, 4)
    t.same(seen, [...seen].sort().reverse(), 'most recently pledged first')
    const combined = await sg.query(`{ commitments(filter: { focusArea: "rpa-2021-4", status: IN_PROGRESS, plan: "rpa-coea-2021-2025" }) { nodes { id } } }`)
    t.same(combined.data.commitments.nodes.map((n: any) => n.id), ['illustrative-13-tl-mssi', 'illustrative-12-la-lyu'])
    const byPartner = await sg.query(`{ commitments(filter: { partner: "unicef-eapro" }) { nodes { countries { code } } } }`)
    t.same(byPartner.data.commitments.nodes[0].countries, [{ code: 'KH' }, { code: 'LA' }, { code: 'MM' }])
  })

  t.test('example commitments say they are illustrative, not real pledges', async (t) => {
    const res = await sg.query(`{ commitments(first: 100) { nodes { title source } } }`)
    t.equal(res.data.commitments.nodes.length, 13)
    for (const c of res.data.commitments.nodes) {
      t.equal(c.source, 'illustrative seed')
      t.match(c.title, /^Illustrative example, not a real pledge/)
    }
  })

  t.test('the public sees dates and percents; notes and authors need a signed-in partner', async (t) => {
    const q = `{ commitment(id: "illustrative-4-ph-cwc") { status latestProgress { date percent } progress { percent note author } } }`
    const pub = await sg.query(`{ commitment(id: "illustrative-4-ph-cwc") { status latestProgress { date percent } } }`)
    t.same(pub.data.commitment, { status: 'COMPLETED', latestProgress: { date: '2025-06-30', percent: 100 } })
    const leaked = await sg.query(q)
    t.equal(leaked.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.notOk(JSON.stringify(leaked.data ?? null).includes('Illustrative progress note'))
    const partner = await sg.query(q, {}, identity('civil_society'))
    t.notOk(partner.errors)
    t.same(partner.data.commitment.progress.map((u: any) => u.percent), [50, 100])
    t.match(partner.data.commitment.progress[0].note, /not a real report/)
  })

  t.test('resolves every entity through _entities, in key order, batched', async (t) => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename
         ... on Commitment { id focusArea { code } latestProgress { percent } partner { id } }
         ... on FocusArea { code number }
         ... on MnrCapability { label }
         ... on Partner { id commitments { id } }
         ... on Country { code commitments(status: COMPLETED) { id } } } }`
    const representations = [
      { __typename: 'Commitment', id: 'illustrative-8-id-kemenpppa' },
      { __typename: 'FocusArea', code: 'rpa-2021-5' },
      { __typename: 'Partner', id: 'th-msdhs' },
      { __typename: 'Commitment', id: 'illustrative-1-th-msdhs' },
      { __typename: 'Country', code: 'PH' },
      { __typename: 'MnrCapability', code: 'MNR-12' },
      { __typename: 'Commitment', id: 'illustrative-9-unicef-eapro' },
      { __typename: 'Country', code: 'SG' },
    ]
    const counted = async (r: object[]) => {
      let statements = 0
      sg.db.onQuery = () => (statements += 1)
      const res = await sg.query(query, { r })
      sg.db.onQuery = undefined
      return { res, statements }
    }
    const { res, statements } = await counted(representations)
    t.notOk(res.errors)
    t.same(res.data._entities, [
      { __typename: 'Commitment', id: 'illustrative-8-id-kemenpppa', focusArea: { code: 'rpa-2021-6' }, latestProgress: { percent: 80 }, partner: { id: 'id-kemenpppa' } },
      { __typename: 'FocusArea', code: 'rpa-2021-5', number: 5 },
      { __typename: 'Partner', id: 'th-msdhs', commitments: [{ id: 'illustrative-1-th-msdhs' }] },
      { __typename: 'Commitment', id: 'illustrative-1-th-msdhs', focusArea: { code: 'rpa-2021-1' }, latestProgress: { percent: 100 }, partner: { id: 'th-msdhs' } },
      { __typename: 'Country', code: 'PH', commitments: [{ id: 'illustrative-4-ph-cwc' }, { id: 'illustrative-5-ecpat-philippines' }] },
      { __typename: 'MnrCapability', label: 'CSEA Hotline' },
      { __typename: 'Commitment', id: 'illustrative-9-unicef-eapro', focusArea: { code: 'rpa-2021-7' }, latestProgress: { percent: 80 }, partner: { id: 'unicef-eapro' } },
      { __typename: 'Country', code: 'SG', commitments: [] },
    ])
    const more = [
      ...representations,
      ...['2-th-rtp-ticac', '3-ph-doj-occ', '10-meta', '11-sg-msf', '12-la-lyu'].map((id) => ({ __typename: 'Commitment', id: `illustrative-${id}` })),
      ...['TH', 'VN', 'TL'].map((code) => ({ __typename: 'Country', code })),
      { __typename: 'Partner', id: 'meta' },
      { __typename: 'MnrCapability', code: 'MNR-1' },
    ]
    t.equal((await counted(more)).statements, statements, `${statements} statements (one per loader and level) however many entities`)
  })

  t.test('bad input gets a coded error naming what is allowed', async (t) => {
    const res = await sg.query(`{ commitments(filter: { country: "XX", focusArea: "rpa-2021-8", plan: "rpa" }) { totalCount } }`)
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['filter.country', 'filter.focusArea', 'filter.plan'])
    t.match(res.errors?.[0]?.message, /TH.*rpa-2021-7.*rpa-coea-2021-2025/)
    const cursor = await sg.query(`{ commitments(after: "garbage") { totalCount } }`)
    t.equal(cursor.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const id = await sg.query(`{ commitment(id: "Robert'); DROP TABLE") { id } }`)
    t.equal(id.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    const missing = await sg.query(`{ commitment(id: "no-such-commitment") { id } }`)
    t.same(missing.data, { commitment: null })
  })
})
