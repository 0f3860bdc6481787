// Membership dates on the PostgreSQL server too: the pg driver turns `date` columns into local-time
// JavaScript dates, which could shift a joining day; the subgraph must answer the same on both.
import t from 'tap'
import { definition } from '../../../subgraphs/governments/app.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

t.test('membership dates are exact on the PostgreSQL server', async (t) => {
  const sg = await startTestSubgraph(t, definition, { driver: 'pg', clock: () => new Date('2026-03-01T12:00:00Z') })
  const res = await sg.query(`{
    mid2024: countries(aseanOnly: true, asOf: "2024-06-30") { code }
    accession: countries(aseanOnly: true, asOf: "2025-10-26") { code }
    dayBefore: countries(aseanOnly: true, asOf: "2025-10-25") { code }
    tl: country(code: "TL") { aseanMembership { joinedOn } mid2024: aseanMember(asOf: "2024-06-30") accession: aseanMember(asOf: "2025-10-26") }
    bn: country(code: "BN") { aseanMembership { joinedOn } } }`)
  t.notOk(res.errors)
  t.notOk(res.data.mid2024.some((c: any) => c.code === 'TL'))
  t.equal(res.data.mid2024.length, 10)
  t.ok(res.data.accession.some((c: any) => c.code === 'TL'))
  t.equal(res.data.dayBefore.length, 10)
  t.same(res.data.tl, { aseanMembership: { joinedOn: '2025-10-26' }, mid2024: false, accession: true })
  t.same(res.data.bn, { aseanMembership: { joinedOn: '1984-01-07' } })
})
