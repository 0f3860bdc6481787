// Reports without a running stack: what a report may be (checked against the API schema), its
// CSV columns, variables from query strings, the CSV text itself, and an unreachable Redis.
import t from 'tap'
import { parse, type OperationDefinitionNode } from 'graphql'
import { composeSupergraph } from '../../scripts/compose.ts'
import { builtInReports, leadingComment } from '../../gateway/reports/catalogue.ts'
import { cellText, toCsv } from '../../gateway/reports/csv.ts'
import { compileReport, declaredVariables, type ReportSource } from '../../gateway/reports/operation.ts'
import { redisStore, StoreUnavailable } from '../../gateway/reports/store.ts'
import { variablesFromBody, variablesFromQuery } from '../../gateway/reports/variables.ts'
import { parseCsv } from './fixtures/reports.ts'

const composed = composeSupergraph()
if ('errors' in composed) throw new Error(composed.errors.join('; '))
const schema = composed.apiSchema()
const source = (query: string): ReportSource => ({ name: 'test-report', description: 'A test.', query, origin: 'registered' })
const compile = (query: string) => compileReport(schema, source(query))
const thrown = (fn: () => unknown): { code?: string; violations?: { path: string; message: string }[] } => {
  try {
    fn()
    return { code: 'no error' }
  } catch (err) {
    return (err as { extensions?: object }).extensions ?? {}
  }
}
const codeOf = (fn: () => unknown) => thrown(fn).code

t.test('every built-in report validates against the API schema, with a description and its columns', async (t) => {
  const columns = Object.fromEntries(builtInReports().map((s) => [s.name, compileReport(schema, s).columns.map((c) => c.join('.'))]))
  t.same(columns, {
    'commitments-by-focus-area': ['focusArea', 'focusAreaNumber', 'focusAreaLabel', 'country', 'pledged', 'inProgress', 'completed', 'lapsed', 'total'],
    'contact-freshness': ['country', 'channels', 'verified', 'unverified', 'stale', 'oldestVerifiedAt'],
    'coverage-gaps': ['focusArea', 'focusAreaNumber', 'focusAreaLabel', 'country'],
    'partner-commitment-counts': ['partnerId', 'partner.name', 'partner.kind', 'pledged', 'inProgress', 'completed', 'lapsed', 'total'],
    'partner-counts-by-country': ['country', 'government', 'techCompany', 'civilSociety', 'unAgency', 'total'],
    'progress-over-time': ['periodStart', 'periodEnd', 'focusArea', 'country', 'commitments', 'averagePercent'],
    'stale-contacts': [
      'country.code', 'country.name', 'hotline.id', 'hotline.name', 'hotline.kind',
      'channel.id', 'channel.type', 'channel.display', 'channel.visibility', 'channel.source', 'verifiedAt', 'daysSinceVerified',
    ],
  })
  for (const s of builtInReports()) t.ok(s.description.length > 40, `${s.name} says what it shows`)
  t.equal(leadingComment('# One\n#  two\nquery { x }\n# not this'), 'One two')
})

t.test('a report is one read-only query that returns a list of rows', async (t) => {
  t.equal(codeOf(() => compile('mutation { confirmContactChannel(id: "x", source: "y") { id } }')), 'BAD_USER_INPUT', 'mutations are refused')
  t.equal(codeOf(() => compile('{ coverageGaps { country } ')), 'GRAPHQL_PARSE_FAILED')
  t.equal(codeOf(() => compile('{ coverageGaps { country nope } }')), 'GRAPHQL_VALIDATION_FAILED', 'validated against the API schema')
  t.equal(codeOf(() => compile('query A { coverageGaps { country } } query B { plans { code } }')), 'BAD_USER_INPUT', 'one operation')
  t.equal(codeOf(() => compile('{ coverageGaps { country } plans { code } }')), 'BAD_USER_INPUT', 'one root field')
  t.equal(codeOf(() => compile('{ hotline(id: "th-saidek-1387") { id } }')), 'BAD_USER_INPUT', 'one object is not a list of rows')
  t.equal(codeOf(() => compile('{ partners { totalCount } }')), 'BAD_USER_INPUT', 'a connection without its nodes has no rows')
  t.equal(codeOf(() => compile('query ($d: Date!) { coverageGaps(asOf: $d) { country } }')), 'no error')
})

t.test('columns follow the selection: aliases, fragments, nested objects dotted, connections by their nodes', async (t) => {
  const gaps = compile('{ gaps: coverageGaps { ...Area country } } fragment Area on CoverageGapRow { area: focusArea label: focusAreaLabel(lang: "th") }')
  t.same(gaps.rowsPath, ['gaps'])
  t.same(gaps.columns.map((c) => c.join('.')), ['area', 'label', 'country'])
  const partners = compile('{ partners(first: 100) { totalCount nodes { id name verification { verified source } ... on TechCompany { website } } } }')
  t.same(partners.rowsPath, ['partners', 'nodes'])
  t.same(partners.columns.map((c) => c.join('.')), ['id', 'name', 'verification.verified', 'verification.source', 'website'])
})

t.test('query-string variables are coerced by their declared types', async (t) => {
  // Declared only (variablesFromQuery needs no more): one of each kind of type.
  const operation = parse(
    'query ($from: Date!, $n: Int, $x: Float, $b: Boolean, $interval: ReportInterval, $status: [ProgramStatus!], $p: ReportPeriod, $s: String) { plans { code } }',
  ).definitions[0] as OperationDefinitionNode
  const report = { variables: declaredVariables(operation) }
  const vars = variablesFromQuery(schema, report.variables, { from: '2024-02-29', n: '-12', x: '2.5', b: 'false', interval: 'YEAR', status: ['ACTIVE', 'ENDED'], p: '{"from":"2022-01-01","to":"2022-12-31"}', s: '12' })
  t.same(vars, { from: '2024-02-29', n: -12, x: 2.5, b: false, interval: 'YEAR', status: ['ACTIVE', 'ENDED'], p: { from: '2022-01-01', to: '2022-12-31' }, s: '12' })
  t.same(variablesFromQuery(schema, report.variables, { from: '2024-01-01', status: 'ACTIVE' }), { from: '2024-01-01', status: ['ACTIVE'] }, 'one value of a list is a list of one')

  const violations = thrown(() =>
    variablesFromQuery(schema, report.variables, { from: '2023-02-29', n: '1.5', interval: 'WEEK', status: ['ACTIVE', 'SOON'], b: 'yes', s: ['a', 'b'], lang: 'th' }),
  ).violations!
  const byPath = Object.fromEntries(violations.map((v) => [v.path, v.message]))
  t.match(byPath['variables.lang'], /not a variable of this report; its variables: \$from \(Date!\)/)
  t.match(byPath['variables.from'], /calendar date/, 'no 29 February in 2023')
  t.match(byPath['variables.n'], /not an integer/)
  t.match(byPath['variables.interval'], /not one of: MONTH, QUARTER, YEAR/)
  t.match(byPath['variables.status[1]'], /not one of: PLANNED, ACTIVE, ENDED, ARCHIVED/)
  t.match(byPath['variables.b'], /true or false/)
  t.match(byPath['variables.s'], /given 2 times but is not a list/)
  t.equal(violations.length, 7, 'every problem at once')

  t.same(thrown(() => variablesFromQuery(schema, report.variables, {})), { code: 'BAD_USER_INPUT', violations: [{ path: 'variables.from', message: 'is required (Date!)' }] })
  t.same(variablesFromBody(report.variables, { from: '2024-01-01', status: ['ACTIVE'] }), { from: '2024-01-01', status: ['ACTIVE'] })
  t.equal(codeOf(() => variablesFromBody(report.variables, [1])), 'BAD_USER_INPUT', 'the body is an object')
  t.match(thrown(() => variablesFromBody(report.variables, { from: '2024-01-01', other: 1 })).violations, [{ path: 'variables.other' }])
})

t.test('CSV: RFC 4180 quoting, a byte-order mark, nested and missing values, formulas kept as text', async (t) => {
  const columns = [['name'], ['partner', 'name'], ['note'], ['count'], ['languages'], ['phone']]
  const rows = [
    { name: 'สายเด็ก 1387, มูลนิธิ', partner: { name: 'Say "hello"' }, note: 'line one\r\nline two', count: 3, languages: ['th', 'en'], phone: '+66 2 123 4567' },
    { name: '=HYPERLINK("http://example.org")', partner: null, note: null, count: 0, languages: [], phone: '-1' },
  ]
  const csv = toCsv(columns, rows)
  t.ok(csv.startsWith('\uFEFFname,partner.name,note,count,languages,phone\r\n'), 'BOM, then the header in column order')
  t.ok(csv.endsWith('\r\n'))
  t.match(csv, '"สายเด็ก 1387, มูลนิธิ","Say ""hello""","line one\r\nline two",3,th; en,\'+66 2 123 4567\r\n', 'quoted where needed, quotes doubled')
  t.same(parseCsv(csv.slice(1)), [
    ['name', 'partner.name', 'note', 'count', 'languages', 'phone'],
    ['สายเด็ก 1387, มูลนิธิ', 'Say "hello"', 'line one\r\nline two', '3', 'th; en', "'+66 2 123 4567"],
    ['\'=HYPERLINK("http://example.org")', '', '', '0', '', "'-1"],
  ])
  t.equal(toCsv([['a']], []), '\uFEFFa\r\n', 'no rows: the header alone')
  t.equal(cellText(['+66 1', '+66 2']), "'+66 1; +66 2", 'a list: one apostrophe, at the start of the cell')
  t.equal(cellText(-3), '-3', 'numbers are never prefixed')
  t.equal(cellText(null), '')
})

t.test('an unreachable Redis fails fast with StoreUnavailable (the route answers 503), after one warning', async (t) => {
  const warnings: string[] = []
  const store = redisStore('redis://127.0.0.1:1', 'coea-test:unreachable:', { warn: (_o, msg) => warnings.push(msg) })
  t.teardown(() => store.close())
  const started = Date.now()
  t.ok((await store.get('coverage-gaps').catch((e) => e)) instanceof StoreUnavailable)
  const report = { name: 'x', query: '{ plans { code } }', description: 'x', registeredBy: null, registeredAt: '' }
  t.ok((await store.add(report, 10).catch((e) => e)) instanceof StoreUnavailable)
  t.ok(Date.now() - started < 5000, 'no hanging request')
  t.equal(warnings.length, 1, 'reconnection failures are not logged one by one')
})
