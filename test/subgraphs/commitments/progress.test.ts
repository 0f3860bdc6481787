// Recording progress: who may, on which commitments, what is checked, and what it does to the
// commitment's status. Runs on the illustrative seed.
import t from 'tap'
import { definition } from '../../../subgraphs/commitments/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

const RECORD = `mutation($id: ID!, $date: Date!, $percent: Int!, $note: String!) {
  recordProgress(commitmentId: $id, date: $date, percent: $percent, note: $note) {
    id status latestProgress { date percent note author } progress { date percent } } }`

const TICAC = 'illustrative-2-th-rtp-ticac' // TH, in progress at 55 %
const KPWKM = 'illustrative-6-my-kpwkm' // MY, pledged, no report yet
const CWC = 'illustrative-4-ph-cwc' // PH
const MSDHS = 'illustrative-1-th-msdhs' // TH, completed on 2024-11-30
const VN_LAPSED = 'illustrative-7-vn-mps-cyber'

t.test('recordProgress', async (t) => {
  let now = new Date('2026-03-15T12:00:00Z')
  const sg = await startTestSubgraph(t, definition, { clock: () => now })
  const thai = identity('government', { country: 'TH', org: 'th-msdhs' })
  const record = (id: string, date: string, percent: number, note: string, who = thai) => sg.query(RECORD, { id, date, percent, note }, who)
  const updates = async (id: string) =>
    (await sg.query(`query($id: ID!) { commitment(id: $id) { progress { date } } }`, { id })).data.commitment.progress.length

  t.test("a government records progress on its own country's commitment", async (t) => {
    const res = await record(TICAC, '2026-03-01', 70, '  Second cohort trained.  ')
    t.notOk(res.errors)
    t.same(res.data.recordProgress.latestProgress, { date: '2026-03-01', percent: 70, note: 'Second cohort trained.', author: 'test-government' })
    t.equal(res.data.recordProgress.status, 'IN_PROGRESS')
    t.equal(res.data.recordProgress.progress.length, 3)
    const done = await record(TICAC, '2026-03-10', 100, 'All investigators trained.')
    t.equal(done.data.recordProgress.status, 'COMPLETED', '100 % completes it')
  })

  t.test("another country's government is refused and nothing is written", async (t) => {
    const before = await updates(CWC)
    const res = await record(CWC, '2026-03-01', 90, 'Not ours.')
    t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.match(res.errors?.[0]?.message, /own country/)
    t.equal(await updates(CWC), before)
    const noCountry = await record(CWC, '2026-03-01', 90, 'No country.', identity('government'))
    t.equal(noCountry.errors?.[0]?.extensions?.code, 'FORBIDDEN')
  })

  t.test('other roles are refused, whatever the commitment', async (t) => {
    for (const role of ['public', 'tech_company', 'civil_society', 'un_agency'] as const) {
      const res = await record(CWC, '2026-03-01', 90, 'Not allowed.', identity(role, { country: 'PH', verified: true }))
      t.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', role)
    }
  })

  t.test('the Secretariat and admins record progress for any country', async (t) => {
    const res = await record(CWC, '2026-03-02', 100, 'Confirmed at the annual review.', identity('secretariat'))
    t.notOk(res.errors)
    t.equal(res.data.recordProgress.latestProgress.author, 'test-secretariat')
    const admin = await record(KPWKM, '2026-03-02', 0, 'Planning started; nothing delivered yet.', identity('admin'))
    t.equal(admin.data.recordProgress.status, 'PLEDGED', '0 % leaves a pledge a pledge')
    const started = await record(KPWKM, '2026-03-05', 30, 'Dashboard prototype.', identity('government', { country: 'MY' }))
    t.equal(started.data.recordProgress.status, 'IN_PROGRESS')
  })

  t.test('a backdated report does not replace the latest one; a lapsed commitment stays lapsed', async (t) => {
    const res = await record(MSDHS, '2023-01-01', 40, 'Late entry for an earlier review.')
    t.equal(res.data.recordProgress.status, 'COMPLETED')
    t.equal(res.data.recordProgress.latestProgress.date, '2024-11-30')
    t.same(res.data.recordProgress.progress.map((u: any) => u.date), ['2022-09-30', '2023-01-01', '2023-06-30', '2024-11-30'])
    const lapsed = await record(VN_LAPSED, '2026-03-01', 50, 'Resumed.', identity('government', { country: 'VN' }))
    t.equal(lapsed.data.recordProgress.status, 'LAPSED')
  })

  t.test('a completed commitment that falls back below 100 % is in progress again', async (t) => {
    const res = await record(MSDHS, '2026-03-03', 90, 'Amendment needed after review.')
    t.equal(res.data.recordProgress.status, 'IN_PROGRESS')
  })

  t.test('invalid input is refused with every violation at once', async (t) => {
    const before = await updates(TICAC)
    const res = await record(TICAC, '2026-03-16', 120, ' ')
    t.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
    t.same(res.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['percent', 'date', 'note'])
    t.match(res.errors?.[0]?.message, /latest allowed: 2026-03-15/)
    const early = await record(TICAC, '2022-05-31', 10, 'x'.repeat(2001))
    t.same(early.errors?.[0]?.extensions?.violations.map((v: any) => v.path), ['date', 'note'])
    t.match(early.errors?.[0]?.message, /before the commitment was pledged \(2022-06-01\)/)
    t.equal(await updates(TICAC), before, 'nothing written')
  })

  t.test("the date may be today anywhere in ASEAN: 16 March has begun in Jayapura and Dili", async (t) => {
    now = new Date('2026-03-15T15:30:00Z')
    const res = await record(TICAC, '2026-03-16', 100, 'Reported from the east.', identity('admin'))
    t.notOk(res.errors)
    now = new Date('2026-03-15T14:30:00Z')
    const early = await record(TICAC, '2026-03-16', 100, 'Too early.', identity('admin'))
    t.equal(early.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })

  t.test('unknown and malformed commitment ids', async (t) => {
    const missing = await record('no-such-commitment', '2026-03-01', 10, 'x', identity('admin'))
    t.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND')
    const malformed = await record("x'); drop table", '2026-03-01', 10, 'x', identity('admin'))
    t.equal(malformed.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  })
})
