// The Secretariat's reports against numbers worked out by hand on a small dataset inserted here
// (not the seed), on both storage drivers.
import t, { type Test } from 'tap'
import { definition } from '../../../subgraphs/commitments/app.ts'
import { seedReference } from '../../../subgraphs/commitments/seed.ts'
import type { Driver } from '../../helpers/database.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph, type SubgraphHarness } from '../../helpers/subgraph.ts'

const staff = identity('secretariat')
const NOW = new Date('2026-03-15T12:00:00Z')

// id, partner, focus area, countries, pledged, status now, started, closed, updates [date, percent]
const dataset: [string, string, number, string[], string, string, string | null, string | null, [string, number][]][] = [
  ['a', 'th-gov', 1, ['TH'], '2022-01-10', 'COMPLETED', '2022-03-01', '2022-08-01', [['2022-03-01', 20], ['2022-08-01', 100]]],
  ['b', 'ngo-one', 1, ['TH', 'PH'], '2022-05-01', 'IN_PROGRESS', '2023-02-01', null, [['2023-02-01', 50]]],
  ['c', 'ngo-one', 4, ['PH'], '2023-01-15', 'PLEDGED', null, null, []],
  // Timor-Leste: d pledged before it joined ASEAN on 26 October 2025, e after.
  ['d', 'un-one', 4, ['TL'], '2025-06-01', 'IN_PROGRESS', '2025-11-01', null, [['2025-11-01', 40]]],
  ['e', 'un-one', 4, ['TL'], '2025-11-05', 'PLEDGED', null, null, []],
  ['f', 'th-gov', 2, ['TH'], '2022-02-01', 'LAPSED', null, '2023-01-01', []],
]

async function insertDataset(sg: SubgraphHarness) {
  await seedReference(sg.db)
  for (const [id, partner, area, countries, pledged, status, started, closed, updates] of dataset) {
    await sg.db.query(
      `insert into commitments.commitment (id, partner_id, plan, focus_area, countries, titles, status, pledged_on, started_on, closed_on, source)
       values ($1, $2, 'rpa-coea-2021-2025', $3, $4, '[{"lang":"en","value":"test"}]', $5, $6, $7, $8, 'test')`,
      [id, partner, `rpa-2021-${area}`, countries, status, pledged, started, closed],
    )
    for (const [n, [date, percent]] of updates.entries()) {
      await sg.db.query(
        `insert into commitments.progress_update (id, commitment_id, date, percent, note, author, author_role)
         values ($1, $2, $3, $4, 'test', 'test', 'admin')`,
        [`${id}-${n}`, id, date, percent],
      )
    }
  }
}

const nonZero = (rows: any[]) => rows.filter((r) => r.total > 0)

async function reportsOn(t: Test, driver: Driver) {
  const sg = await startTestSubgraph(t, definition, { driver, seed: false, clock: () => NOW })
  await insertDataset(sg)

  t.test('counts per focus area and member state by status on the period end, zeros included', async (t) => {
    const q = `query($from: Date!, $to: Date!) { commitmentsByFocusArea(period: { from: $from, to: $to }) {
      focusArea focusAreaNumber focusAreaLabel(lang: "th") country pledged inProgress completed lapsed total } }`
    const y2022 = (await sg.query(q, { from: '2022-01-01', to: '2022-12-31' }, staff)).data.commitmentsByFocusArea
    t.equal(y2022.length, 70, '7 focus areas x 10 member states')
    t.notOk(y2022.some((r: any) => r.country === 'TL'), 'no Timor-Leste in 2022')
    // a completed by 2022-08-01; b not started until 2023; f lapsed only on 2023-01-01.
    t.same(nonZero(y2022), [
      { focusArea: 'rpa-2021-1', focusAreaNumber: 1, focusAreaLabel: 'กรอบกฎหมายและนโยบาย', country: 'PH', pledged: 1, inProgress: 0, completed: 0, lapsed: 0, total: 1 },
      { focusArea: 'rpa-2021-1', focusAreaNumber: 1, focusAreaLabel: 'กรอบกฎหมายและนโยบาย', country: 'TH', pledged: 1, inProgress: 0, completed: 1, lapsed: 0, total: 2 },
      { focusArea: 'rpa-2021-2', focusAreaNumber: 2, focusAreaLabel: 'Capacity of law enforcement, the judiciary and legal professionals', country: 'TH', pledged: 1, inProgress: 0, completed: 0, lapsed: 0, total: 1 },
    ])

    const y2025 = (await sg.query(q, { from: '2025-01-01', to: '2025-12-31' }, staff)).data.commitmentsByFocusArea
    t.equal(y2025.length, 77, 'Timor-Leste counts once it is a member by the period end')
    t.same(
      nonZero(y2025).map((r: any) => [r.focusArea, r.country, r.pledged, r.inProgress, r.total]),
      [['rpa-2021-4', 'TL', 1, 1, 2]],
    )

    const beforeAccession = (await sg.query(q, { from: '2025-01-01', to: '2025-10-25' }, staff)).data.commitmentsByFocusArea
    t.equal(beforeAccession.length, 70)
    t.same(nonZero(beforeAccession), [], "d was pledged in the period, but Timor-Leste was not yet a member")
  })

  t.test('coverage gaps: member states on the day with nothing pledged or in progress', async (t) => {
    const q = `query($asOf: Date) { coverageGaps(asOf: $asOf) { focusArea country } }`
    const mid2023 = (await sg.query(q, { asOf: '2023-06-30' }, staff)).data.coverageGaps
    const key = (r: any) => `${r.focusArea}/${r.country}`
    t.equal(mid2023.length, 70 - 3, 'only b (area 1: TH, PH) and c (area 4: PH) are active')
    t.notOk(mid2023.some((r: any) => ['rpa-2021-1/TH', 'rpa-2021-1/PH', 'rpa-2021-4/PH'].includes(key(r))))
    t.ok(mid2023.some((r: any) => key(r) === 'rpa-2021-2/TH'), 'a lapsed commitment leaves a gap')
    t.notOk(mid2023.some((r: any) => r.country === 'TL'))

    const dayBefore = (await sg.query(q, { asOf: '2025-10-25' }, staff)).data.coverageGaps
    t.notOk(dayBefore.some((r: any) => r.country === 'TL'), 'Timor-Leste not yet a member')
    const now = (await sg.query(q, {}, staff)).data.coverageGaps
    t.equal(now.length, 77 - 4, 'today (2026-03-15): b in TH and PH, c in PH, d and e in TL')
    t.same(now.filter((r: any) => r.country === 'TL').map((r: any) => r.focusArea), ['rpa-2021-1', 'rpa-2021-2', 'rpa-2021-3', 'rpa-2021-5', 'rpa-2021-6', 'rpa-2021-7'])
  })

  t.test('progress over time: average latest percent on each quarter end', async (t) => {
    const q = `query($fa: String!, $country: String, $interval: ReportInterval, $from: Date!, $to: Date!) {
      progressOverTime(focusArea: $fa, country: $country, interval: $interval, period: { from: $from, to: $to }) {
        periodStart periodEnd focusArea country commitments averagePercent } }`
    const points = (fa: string, country: string | null, from: string, to: string, interval = 'QUARTER') =>
      sg.query(q, { fa, country, interval, from, to }, staff).then((r) => {
        t.notOk(r.errors, JSON.stringify(r.errors))
        return r.data.progressOverTime.map((p: any) => [p.periodEnd, p.commitments, p.averagePercent])
      })
    t.same(await points('rpa-2021-1', null, '2022-01-01', '2023-06-30'), [
      ['2022-03-31', 1, 20], // a at 20
      ['2022-06-30', 2, 10], // b pledged, no report yet: 0
      ['2022-09-30', 2, 50], // a at 100
      ['2022-12-31', 2, 50],
      ['2023-03-31', 2, 75], // b at 50
      ['2023-06-30', 2, 75],
    ])
    t.same(await points('rpa-2021-1', 'PH', '2022-01-01', '2023-03-31', 'YEAR'), [
      ['2022-12-31', 1, 0],
      ['2023-03-31', 1, 50],
    ], 'only b names PH; the last interval ends on the period end')
    t.same(await points('rpa-2021-4', 'TL', '2025-01-01', '2026-03-31'), [
      ['2025-03-31', 0, null],
      ['2025-06-30', 0, null], // d pledged on 1 June, but Timor-Leste joined only on 26 October
      ['2025-09-30', 0, null],
      ['2025-12-31', 2, 20], // d at 40, e at 0
      ['2026-03-31', 2, 20],
    ])
    t.same((await points('rpa-2021-4', null, '2025-10-01', '2025-12-31')).at(-1), ['2025-12-31', 3, 13.3], 'c (0) + d (40) + e (0)')
    const row = (await sg.query(q, { fa: 'rpa-2021-4', country: 'TL', interval: 'MONTH', from: '2025-11-01', to: '2025-11-30' }, staff)).data
    t.same(row.progressOverTime, [{ periodStart: '2025-11-01', periodEnd: '2025-11-30', focusArea: 'rpa-2021-4', country: 'TL', commitments: 2, averagePercent: 20 }])
  })

  t.test('partner counts by status on the day', async (t) => {
    const q = `query($asOf: Date) { partnerCommitmentCounts(asOf: $asOf) { partnerId partner { id } pledged inProgress completed lapsed total } }`
    t.same((await sg.query(q, { asOf: '2023-06-30' }, staff)).data.partnerCommitmentCounts, [
      { partnerId: 'ngo-one', partner: { id: 'ngo-one' }, pledged: 1, inProgress: 1, completed: 0, lapsed: 0, total: 2 },
      { partnerId: 'th-gov', partner: { id: 'th-gov' }, pledged: 0, inProgress: 0, completed: 1, lapsed: 1, total: 2 },
    ])
    const today = (await sg.query(q, {}, staff)).data.partnerCommitmentCounts
    t.same(today.find((r: any) => r.partnerId === 'un-one'), { partnerId: 'un-one', partner: { id: 'un-one' }, pledged: 1, inProgress: 1, completed: 0, lapsed: 0, total: 2 })
  })

  if (driver === 'pglite') accessAndInput(t, sg)
}

// Storage-independent, so run once, on the PGlite harness (one PGlite start per file).
function accessAndInput(t: Test, sg: SubgraphHarness) {
  t.test('reports are for the Secretariat and admins only, and check their input', async (t) => {
    const reports = [
      `{ commitmentsByFocusArea(period: { from: "2022-01-01", to: "2022-12-31" }) { country } }`,
      `{ coverageGaps { country } }`,
      `{ progressOverTime(focusArea: "rpa-2021-1") { periodEnd } }`,
      `{ partnerCommitmentCounts { partnerId } }`,
    ]
    for (const query of reports) {
      for (const role of ['public', 'government', 'tech_company', 'civil_society', 'un_agency'] as const) {
        const res = await sg.query(query, {}, identity(role, { country: 'TH', verified: true }))
        t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${role} refused: ${query.slice(2, 30)}`)
      }
      for (const role of ['secretariat', 'admin'] as const) {
        const res = await sg.query(query, {}, identity(role))
        t.notOk(res.errors, `${role} allowed: ${query.slice(2, 30)}`)
      }
    }

    const bad = await sg.query(
      `{ progressOverTime(focusArea: "rpa-2021-9", country: "AU", period: { from: "2024-01-01", to: "2023-01-01" }) { periodEnd } }`,
      {},
      staff,
    )
    t.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(bad.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['focusArea', 'country', 'period.to'], 'every fault at once')
    t.match(bad.errors?.[0]?.message, /rpa-2021-1.*rpa-2021-7/)
    t.match(bad.errors?.[0]?.message, /TL/)
    const plan = await sg.query(`{ coverageGaps(plan: "rpa-2019") { country } }`, {}, staff)
    t.match(plan.errors?.[0]?.message, /rpa-coea-2021-2025, rpa-coea-2026-2030/)
    const tooLong = await sg.query(`{ progressOverTime(focusArea: "rpa-2021-1", interval: MONTH, period: { from: "1990-01-01", to: "2026-01-01" }) { periodEnd } }`, {}, staff)
    t.equal(tooLong.errors?.[0]?.extensions?.violations?.[0]?.path, 'period')
    const newPlan = await sg.query(`{ commitmentsByFocusArea(period: { from: "2026-01-01", to: "2026-12-31" }, plan: "rpa-coea-2026-2030") { country } }`, {}, staff)
    t.same(newPlan.data.commitmentsByFocusArea, [], 'the renewed plan has no focus areas yet')
  })
}

t.test('reports on PGlite', (t) => reportsOn(t, 'pglite'))
t.test('reports on the PostgreSQL server', (t) => reportsOn(t, 'pg'))
