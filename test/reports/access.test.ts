// Who may use the reports, how bad input is answered, and reports registered at runtime: checked
// against the API schema, shared by two gateways through Redis (a key prefix of this run's own,
// deleted in teardown), and kept in memory by a gateway without Redis.
import { randomUUID } from 'node:crypto'
import t from 'tap'
import { Redis } from 'ioredis'
import { buildGateway } from '../../gateway/app.ts'
import { newKeyPair } from '../../gateway/identity/keys.ts'
import { mintToken } from '../../scripts/token.ts'
import { csvObjects, send, startReportStack } from './fixtures/reports.ts'

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
const PREFIX = `coea-test:reports:${randomUUID()}:`

const HOTLINES_BY_KIND = {
  name: 'hotlines-by-kind',
  description: 'Services of one kind, optionally in one country, with their public channels.',
  query: `query HotlinesByKind($kind: HotlineKind!, $country: String, $lang: String) {
    hotlines(kind: $kind, country: $country) { id name(lang: $lang) country { code } channels { display } }
  }`,
}

const PROGRAMS_BY_STATUS = {
  name: 'programs-by-status',
  description: 'Program listings in any of the given statuses.',
  query: `query ($status: [ProgramStatus!], $country: String) {
    programs(filter: { status: $status, country: $country }, first: 50) { totalCount nodes { id status } }
  }`,
}

t.test('report access and runtime registration', async (t) => {
  const redis = new Redis(REDIS_URL)
  t.teardown(async () => {
    await redis.del(`${PREFIX}operations`)
    await redis.quit()
  })
  const { stack, request, tokens } = await startReportStack(t, ['commitments', 'hotlines', 'civil-society'], { REDIS_URL, REPORTS_REDIS_PREFIX: PREFIX })

  // A second replica in front of the same subgraphs, with an identity provider key of its own.
  const authKey = await newKeyPair('second-auth')
  // Only the private key is used: it signs the identities the subgraphs verify.
  const subgraphKey = { kid: 'test-gateway', privateKey: stack.subgraphKey, publicKey: stack.subgraphKey, publicJwk: {} }
  const second = await buildGateway({ config: stack.config, subgraphKey, authKey: authKey.pair, logger: false })
  t.teardown(() => second.close())
  const secondUrl = (await second.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '')
  const onSecond = (method: string, path: string, token: string, body?: unknown) => send(secondUrl, method, path, token, body)
  const secondAdmin = await mintToken(authKey.pair, stack.config.auth, { role: 'admin', sub: 'admin@replica.example.org' })

  const refusals = [
    ['GET', '/reports'],
    ['GET', '/reports/coverage-gaps.csv?asOf=2025-12-31'],
    ['POST', '/reports/coverage-gaps'],
    ['POST', '/reports'],
    ['DELETE', '/reports/anything'],
  ] as const

  t.test('without a token: 401 UNAUTHENTICATED, GraphQL-shaped, and the subgraph is never asked', async (t) => {
    const asked = stack.received.get('commitments')?.length ?? 0
    for (const [method, path] of refusals) {
      const res = await request(method, path, undefined, method === 'POST' ? {} : undefined)
      t.equal(res.status, 401, `${method} ${path}`)
      t.equal(res.headers.get('www-authenticate'), 'Bearer')
      t.same(Object.keys(res.json), ['errors'])
      t.equal(res.json.errors[0].extensions.code, 'UNAUTHENTICATED')
    }
    const bad = await request('GET', '/reports', 'not-a-token')
    t.equal(bad.status, 401, 'a malformed token too')
    t.equal(stack.received.get('commitments')?.length ?? 0, asked)
  })

  t.test('signed in with another role: 403 FORBIDDEN', async (t) => {
    const asked = stack.received.get('commitments')?.length ?? 0
    for (const role of ['government', 'techCompany', 'civilSociety', 'unAgency'] as const) {
      for (const [method, path] of refusals) {
        const res = await request(method, path, tokens[role], method === 'POST' ? { name: 'x', query: '{ plans { code } }', description: 'x' } : undefined)
        t.equal(res.status, 403, `${role}: ${method} ${path}`)
        t.same(res.json, { errors: [{ message: 'Reports are for the ASEAN Secretariat and admins.', extensions: { code: 'FORBIDDEN' } }] })
      }
    }
    t.equal(stack.received.get('commitments')?.length ?? 0, asked, 'no report reached the commitments subgraph')
  })

  t.test('the Secretariat and admins see the list of reports', async (t) => {
    for (const token of [tokens.secretariat, tokens.admin]) {
      const res = await request('GET', '/reports', token)
      t.equal(res.status, 200)
      t.equal(res.headers.get('cache-control'), 'no-store')
      const byName = Object.fromEntries(res.json.reports.map((r: any) => [r.name, r]))
      t.same(Object.keys(byName), [
        'commitments-by-focus-area', 'contact-freshness', 'coverage-gaps', 'partner-commitment-counts',
        'partner-counts-by-country', 'progress-over-time', 'stale-contacts',
      ])
      t.match(byName['commitments-by-focus-area'], {
        origin: 'built-in',
        available: true,
        description: /^Commitments pledged in a period/,
        variables: [
          { name: 'from', type: 'Date!', required: true },
          { name: 'to', type: 'Date!', required: true },
          { name: 'plan', type: 'ID', required: false },
          { name: 'lang', type: 'String', required: false },
        ],
        links: { json: '/reports/commitments-by-focus-area.json', csv: '/reports/commitments-by-focus-area.csv' },
      })
    }
    const one = await request('GET', '/reports/coverage-gaps', tokens.admin)
    t.same(one.json.columns, ['focusArea', 'focusAreaNumber', 'focusAreaLabel', 'country'], 'one report by name')
    const missing = await request('GET', '/reports/no-such-report.csv', tokens.admin)
    t.equal(missing.status, 404)
    t.equal(missing.json.errors[0].extensions.code, 'NOT_FOUND')
  })

  t.test('bad variables are refused before anything runs, each one named', async (t) => {
    const res = await request('GET', '/reports/commitments-by-focus-area.csv?from=2022-13-01&plan=a&plan=b&colour=red', tokens.secretariat)
    t.equal(res.status, 400)
    t.equal(res.json.errors[0].extensions.code, 'BAD_USER_INPUT')
    t.same(res.json.errors[0].extensions.violations.map((v: any) => v.path).sort(), ['variables.colour', 'variables.from', 'variables.plan', 'variables.to'])
    const fromSubgraph = await request('GET', '/reports/progress-over-time.csv?focusArea=rpa-2021-99&from=2022-01-01&to=2022-12-31', tokens.secretariat)
    t.equal(fromSubgraph.status, 400, 'the subgraph’s own check keeps its code')
    t.equal(fromSubgraph.headers.get('content-type'), 'application/json; charset=utf-8', 'an error, not a CSV missing its rows')
    t.equal(fromSubgraph.json.errors[0].extensions.code, 'BAD_USER_INPUT')
    t.match(fromSubgraph.json.errors[0].message, /rpa-2021-99/)
  })

  t.test('a report to register is checked against the API schema', async (t) => {
    const register = (body: object) => request('POST', '/reports', tokens.secretariat, body)
    const cases: [object, number, string][] = [
      [{ ...HOTLINES_BY_KIND, query: 'mutation { confirmContactChannel(id: "x", source: "y") { id } }' }, 400, 'BAD_USER_INPUT'],
      [{ ...HOTLINES_BY_KIND, query: '{ hotlines { id secretNumber } }' }, 400, 'GRAPHQL_VALIDATION_FAILED'],
      [{ ...HOTLINES_BY_KIND, query: '{ hotlines { id }' }, 400, 'GRAPHQL_PARSE_FAILED'],
      [{ ...HOTLINES_BY_KIND, query: '{ harmType(code: "csam") { code } }' }, 400, 'BAD_USER_INPUT'],
      [{ ...HOTLINES_BY_KIND, name: 'Hotlines By Kind' }, 400, 'BAD_USER_INPUT'],
      [{ ...HOTLINES_BY_KIND, description: '' }, 400, 'BAD_USER_INPUT'],
      [{ ...HOTLINES_BY_KIND, name: 'coverage-gaps' }, 409, 'CONFLICT'],
      [{ ...HOTLINES_BY_KIND, query: `{ hotlines { ${' '.repeat(17_000)} id } }` }, 400, 'OPERATION_LIMIT_EXCEEDED'],
    ]
    for (const [body, status, code] of cases) {
      const res = await register(body)
      t.equal(res.status, status, JSON.stringify(body).slice(0, 90))
      t.equal(res.json.errors[0].extensions.code, code)
    }
    t.equal(await redis.hlen(`${PREFIX}operations`), 0, 'nothing was stored')
  })

  t.test('a report registered through one gateway runs on the other, through Redis', async (t) => {
    const created = await request('POST', '/reports', tokens.secretariat, HOTLINES_BY_KIND)
    t.equal(created.status, 201)
    t.equal(created.headers.get('location'), '/reports/hotlines-by-kind')
    t.match(created.json, { name: 'hotlines-by-kind', origin: 'registered', registeredBy: 'analyst@asean.example.org', columns: ['id', 'name', 'country.code', 'channels.display'] })
    t.match(JSON.parse((await redis.hget(`${PREFIX}operations`, 'hotlines-by-kind'))!), { name: 'hotlines-by-kind', query: HOTLINES_BY_KIND.query })

    const listed = await onSecond('GET', '/reports', secondAdmin)
    t.match(listed.json.reports.find((r: any) => r.name === 'hotlines-by-kind'), { origin: 'registered', available: true, registeredBy: 'analyst@asean.example.org' })
    const csv = await onSecond('GET', '/reports/hotlines-by-kind.csv?kind=CHILD_HELPLINE&country=PH', secondAdmin)
    t.equal(csv.status, 200)
    const rows = csvObjects(csv.text)
    t.same(rows.map((r) => r.id).sort(), ['ph-bantay-bata-163', 'ph-makabata-1383'])
    t.equal(rows.find((r) => r.id === 'ph-makabata-1383')!['channels.display'], '1383; +63 915 802 2375; +63 960 377 9863; makabata1383@cwc.gov.ph', 'a list inside a row joined with "; "')
    const first = await request('GET', '/reports/hotlines-by-kind.csv?kind=CHILD_HELPLINE&country=PH', tokens.secretariat)
    t.equal(first.text, csv.text, 'the same answer from both gateways')
    const taken = await onSecond('POST', '/reports', secondAdmin, HOTLINES_BY_KIND)
    t.equal(taken.status, 409, 'the name is taken on every gateway')
  })

  t.test('list variables from repeated query parameters; a connection’s nodes are the rows', async (t) => {
    t.equal((await onSecond('POST', '/reports', secondAdmin, PROGRAMS_BY_STATUS)).status, 201)
    const ids = async (query: string) => (await request('GET', `/reports/programs-by-status.json?${query}`, tokens.secretariat)).json.data.programs.nodes.map((n: any) => n.id)
    t.equal((await ids('status=ACTIVE&status=ENDED')).length, 8, 'the eight seeded programs are active')
    t.same(await ids('status=ENDED'), [], 'one value is a list of one')
    // The UNICEF-supported ICT forum names every member state.
    t.same((await ids('status=ACTIVE&country=KH')).sort(), ['asean-ict-forum-support', 'kh-child-helpline-1280', 'kh-internet-hotline-cambodia'])
    const csv = await request('GET', '/reports/programs-by-status.csv?status=ACTIVE&country=LA', tokens.secretariat)
    t.equal(csv.text.split('\r\n')[0], '\uFEFFid,status', 'columns of the nodes')
    t.same(csvObjects(csv.text).sort((a, b) => a.id!.localeCompare(b.id!)), [
      { id: 'asean-ict-forum-support', status: 'ACTIVE' },
      { id: 'la-lwu-counselling-centre', status: 'ACTIVE' },
      { id: 'la-lyu-1554', status: 'ACTIVE' },
    ])
  })

  t.test('a registered report removed on one gateway is gone from the other', async (t) => {
    t.equal((await request('DELETE', '/reports/coverage-gaps', tokens.secretariat)).status, 409, 'built-in reports stay')
    t.equal((await onSecond('DELETE', '/reports/hotlines-by-kind', secondAdmin)).status, 204)
    t.equal((await request('GET', '/reports/hotlines-by-kind.json?kind=EMERGENCY', tokens.secretariat)).status, 404)
    t.equal((await request('DELETE', '/reports/hotlines-by-kind', tokens.secretariat)).status, 404)
  })

  t.test('without Redis a gateway keeps its registered reports to itself', async (t) => {
    const config = { ...stack.config, reports: { ...stack.config.reports, redisUrl: undefined } }
    const alone = await buildGateway({ config, subgraphKey, authKey: authKey.pair, logger: false })
    t.teardown(() => alone.close())
    const aloneUrl = (await alone.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '')
    const created = await send(aloneUrl, 'POST', '/reports', secondAdmin, { ...HOTLINES_BY_KIND, name: 'local-only' })
    t.equal(created.status, 201)
    t.equal((await send(aloneUrl, 'GET', '/reports/local-only.json?kind=EMERGENCY&country=TH', secondAdmin)).json.data.hotlines.length, 1)
    t.equal((await request('GET', '/reports/local-only', tokens.secretariat)).status, 404, 'the Redis-backed gateways do not see it')
    t.notOk(await redis.hexists(`${PREFIX}operations`, 'local-only'))
  })
})
