// The commitment reports through the gateway's report routes, checked against numbers worked out by
// hand from the illustrative seed (subgraphs/commitments/seed.ts). The seeded commitments, with
// their status on 2025-12-31 (closing day of the 2021-2025 plan):
//   #1 th-msdhs          area 1  TH           pledged 2022-03-01  reports 25, 60, 100 (2024-11-30) COMPLETED
//   #2 th-rtp-ticac      area 3  TH           2022-06-01  20 (2023-01-15), 55                       IN_PROGRESS
//   #3 ph-doj-occ        area 2  PH           2022-05-01  30 (2023-03-31), 70                       IN_PROGRESS
//   #4 ph-cwc            area 4  PH           2023-01-10  50, 100 (2025-06-30)                      COMPLETED
//   #5 ecpat-philippines area 5  PH           2021-06-01  100 (2021-12-01)                          COMPLETED
//   #6 my-kpwkm          area 5  MY           2023-04-01  none                                      PLEDGED
//   #7 vn-mps-cyber      area 3  VN           2022-08-01  10 (2023-02-01), lapsed 2024-07-01        LAPSED
//   #8 id-kemenpppa      area 6  ID           2022-02-14  40 (2022-12-31), 80                       IN_PROGRESS
//   #9 unicef-eapro      area 7  KH LA MM     2022-02-14  20 (2022-12-01), 40, 60, 80 (2025-12-01)  IN_PROGRESS
//  #10 meta              area 7  TH PH ID VN  2023-09-01  none                                      PLEDGED
//  #11 sg-msf            area 4  SG           2021-09-01  lapsed 2023-12-31                         LAPSED
//  #12 la-lyu            area 4  LA           2024-03-01  35 (2024-09-01)                           IN_PROGRESS
//  #13 tl-mssi           area 4  TL           2025-11-15  10 on 2026-01-31, after that day          PLEDGED
import t from 'tap'
import { csvObjects, startReportStack } from './fixtures/reports.ts'

t.test('commitment reports', async (t) => {
  const { request, tokens } = await startReportStack(t, ['commitments', 'partners'])
  const get = (path: string) => request('GET', path, tokens.secretariat)
  const row = (rows: any[], focusArea: string, country: string) => rows.find((r) => r.focusArea === focusArea && r.country === country)

  t.test('commitments by focus area over the whole plan period', async (t) => {
    const res = await get('/reports/commitments-by-focus-area.json?from=2021-01-01&to=2025-12-31')
    t.equal(res.status, 200)
    t.notOk(res.json.errors)
    const rows = res.json.data.commitmentsByFocusArea
    t.equal(rows.length, 7 * 11, 'seven focus areas x eleven member states (Timor-Leste a member since 2025-10-26)')
    const sums = rows.reduce(
      (s: any, r: any) => ({ pledged: s.pledged + r.pledged, inProgress: s.inProgress + r.inProgress, completed: s.completed + r.completed, lapsed: s.lapsed + r.lapsed, total: s.total + r.total }),
      { pledged: 0, inProgress: 0, completed: 0, lapsed: 0, total: 0 },
    )
    // 13 commitments; #9 names three countries and #10 four, so 13 + 2 + 3 = 18 country counts.
    t.same(sums, { pledged: 6, inProgress: 7, completed: 3, lapsed: 2, total: 18 })
    t.match(row(rows, 'rpa-2021-1', 'TH'), { completed: 1, total: 1 }, '#1 completed in Thailand')
    t.match(row(rows, 'rpa-2021-4', 'TL'), { pledged: 1, inProgress: 0, total: 1 }, '#13 not yet started on 2025-12-31')
    t.match(row(rows, 'rpa-2021-4', 'SG'), { lapsed: 1, total: 1 })
    t.match(row(rows, 'rpa-2021-7', 'MM'), { inProgress: 1, total: 1 }, '#9 counts in each of its countries')
    t.match(row(rows, 'rpa-2021-7', 'VN'), { pledged: 1, total: 1 }, '#10 too')
    t.match(row(rows, 'rpa-2021-1', 'PH'), { total: 0 }, 'zeros included')
    t.equal(row(rows, 'rpa-2021-2', 'PH').focusAreaLabel, 'Capacity of law enforcement, the judiciary and legal professionals')
  })

  t.test('a shorter period counts what was pledged in it, by status on its last day', async (t) => {
    const res = await get('/reports/commitments-by-focus-area.json?from=2021-01-01&to=2022-12-31')
    const rows = res.json.data.commitmentsByFocusArea
    t.equal(rows.length, 7 * 10, 'Timor-Leste was not yet a member')
    t.notOk(rows.some((r: any) => r.country === 'TL'))
    // Pledged by then: #1 (in progress from 2022-09-30), #2, #3, #7 (not started), #5 (completed
    // 2021-12-01), #8 (in progress from 2022-12-31, the last day), #9 (x3, from 2022-12-01), #11 (lapsed only in 2023).
    const sums = rows.reduce((s: number[], r: any) => [s[0]! + r.pledged, s[1]! + r.inProgress, s[2]! + r.completed, s[3]! + r.lapsed], [0, 0, 0, 0])
    t.same(sums, [4, 5, 1, 0])
    t.match(row(rows, 'rpa-2021-6', 'ID'), { inProgress: 1 }, 'a report dated the last day counts')
    t.match(row(rows, 'rpa-2021-4', 'SG'), { pledged: 1, lapsed: 0 })
  })

  t.test('coverage gaps on a given day', async (t) => {
    const res = await get('/reports/coverage-gaps.json?asOf=2025-12-31')
    const rows = res.json.data.coverageGaps
    // Active (pledged or in progress) that day: #2 (3 TH), #3 (2 PH), #6 (5 MY), #8 (6 ID), #9 (7 KH, LA, MM),
    // #10 (7 TH, PH, ID, VN), #12 (4 LA), #13 (4 TL): 13 pairs covered out of 7 x 11.
    t.equal(rows.length, 77 - 13)
    const gaps = (area: string) => rows.filter((r: any) => r.focusArea === area).map((r: any) => r.country)
    t.same(gaps('rpa-2021-7'), ['BN', 'MY', 'SG', 'TL'])
    t.equal(gaps('rpa-2021-1').length, 11, 'a completed commitment covers nothing')
    t.notOk(gaps('rpa-2021-4').includes('LA'))
    t.notOk(gaps('rpa-2021-4').includes('TL'))
  })

  t.test('coverage gaps before Timor-Leste joined', async (t) => {
    const res = await get('/reports/coverage-gaps.json?asOf=2025-01-01')
    // Ten members; covered: the 13 pairs above less #13 (not pledged) plus #4 (4 PH, completed only on 2025-06-30).
    t.equal(res.json.data.coverageGaps.length, 70 - 13)
    t.notOk(res.json.data.coverageGaps.some((r: any) => r.country === 'TL'))
  })

  t.test('progress over time, by year, for all member states and for one', async (t) => {
    const all = await get('/reports/progress-over-time.json?focusArea=rpa-2021-7&from=2022-01-01&to=2025-12-31&interval=YEAR')
    // #9 counts from 2022-02-14 with its latest percent at each year end (20, 40, 60, 80); #10 from
    // 2023-09-01 at 0 %: averages 20, (40 + 0) / 2, (60 + 0) / 2, (80 + 0) / 2.
    t.same(
      all.json.data.progressOverTime.map((r: any) => [r.periodStart, r.periodEnd, r.commitments, r.averagePercent]),
      [
        ['2022-01-01', '2022-12-31', 1, 20],
        ['2023-01-01', '2023-12-31', 2, 20],
        ['2024-01-01', '2024-12-31', 2, 30],
        ['2025-01-01', '2025-12-31', 2, 40],
      ],
    )
    const th = await get('/reports/progress-over-time.csv?focusArea=rpa-2021-7&from=2022-01-01&to=2025-12-31&interval=YEAR&country=TH')
    t.equal(th.status, 200)
    t.same(
      csvObjects(th.text).map((r) => [r.periodStart, r.country, r.commitments, r.averagePercent]),
      [
        ['2022-01-01', 'TH', '0', ''],
        ['2023-01-01', 'TH', '1', '0'],
        ['2024-01-01', 'TH', '1', '0'],
        ['2025-01-01', 'TH', '1', '0'],
      ],
      'only #10 names Thailand; no commitment yet in 2022 gives an empty average',
    )
  })

  t.test('commitments per partner, with the partner from the partners subgraph, in Thai', async (t) => {
    const res = await get('/reports/partner-commitment-counts.csv?asOf=2025-12-31&lang=th')
    t.equal(res.status, 200)
    t.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8; header=present')
    t.equal(res.headers.get('content-disposition'), 'attachment; filename="partner-commitment-counts.csv"')
    t.ok(res.text.startsWith('\uFEFF'), 'UTF-8 byte-order mark first')
    t.equal(res.text.split('\r\n')[0], '\uFEFFpartnerId,partner.name,partner.kind,pledged,inProgress,completed,lapsed,total', 'header in selection order, nested fields dotted')
    const rows = csvObjects(res.text)
    t.equal(rows.length, 13, 'one commitment each')
    const byId = Object.fromEntries(rows.map((r) => [r.partnerId, r]))
    t.equal(byId['th-msdhs']!['partner.name'], 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์', 'Thai name read back intact')
    t.equal(byId['th-msdhs']!.completed, '1')
    t.equal(byId['my-kpwkm']!['partner.name'], 'Ministry of Women, Family and Community Development (Malaysia)', 'English fallback; the comma stays inside its field')
    t.match(res.text, /,"Ministry of Women, Family and Community Development \(Malaysia\)",/, 'quoted because of the comma')
    t.equal(byId['my-kpwkm']!.pledged, '1')
    t.equal(byId['unicef-eapro']!['partner.kind'], 'UN_AGENCY')
    const sum = (k: string) => rows.reduce((s, r) => s + Number(r[k]), 0)
    t.same([sum('pledged'), sum('inProgress'), sum('completed'), sum('lapsed'), sum('total')], [3, 5, 3, 2, 13])
  })

  t.test('CSV and JSON give the same numbers', async (t) => {
    const json = await get('/reports/commitments-by-focus-area.json?from=2021-01-01&to=2025-12-31&lang=th')
    const csv = await get('/reports/commitments-by-focus-area.csv?from=2021-01-01&to=2025-12-31&lang=th')
    const numeric = ['focusAreaNumber', 'pledged', 'inProgress', 'completed', 'lapsed', 'total']
    const fromCsv = csvObjects(csv.text).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, numeric.includes(k) ? Number(v) : v])))
    t.same(fromCsv, json.json.data.commitmentsByFocusArea)
    t.equal(fromCsv.find((r) => r.focusArea === 'rpa-2021-1')!.focusAreaLabel, 'กรอบกฎหมายและนโยบาย')
  })

  t.test('variables as a JSON body with POST', async (t) => {
    const res = await request('POST', '/reports/coverage-gaps', tokens.admin, { asOf: '2025-12-31', lang: 'th' })
    t.equal(res.status, 200)
    t.equal(res.json.data.coverageGaps.length, 64)
    t.equal(res.json.data.coverageGaps[0].focusAreaLabel, 'กรอบกฎหมายและนโยบาย')
  })
})
