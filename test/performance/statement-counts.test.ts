// Batching: the number of SQL statements an operation causes does not depend on how many items it
// returns. Each operation runs over ten items, then again after 990 more rows were added, and
// every subgraph must run exactly as many statements the second time as the first.
import t from 'tap'
import type { SubgraphName } from '../../subgraphs/common/config.ts'
import { identity, signForSubgraph } from '../helpers/identities.ts'
import { startTestStack, type TestStack } from '../helpers/stack.ts'
import { addKindRows, addRows, perfId } from './fixtures/rows.ts'

interface Operation {
  name: string
  /** Through the gateway, or straight to one subgraph (an `_entities` call as the gateway makes it). */
  via: 'gateway' | SubgraphName
  query: string
  /** Variables for a given number of items. */
  variables?: (items: number) => Record<string, unknown>
  /** How many items the answer holds, to show that the list really grew (priority mode shows one per step). */
  size?(data: any): number
}

const ids = (kind: string, n: number) => Array.from({ length: n }, (_, i) => perfId(kind, i + 1))
const reps = (typename: string, kind: string) => (n: number) => ({ r: ids(kind, n).map((id) => ({ __typename: typename, id })) })
const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`
const entityCount = (data: any) => data._entities.filter(Boolean).length
const perf = (list: { id: string }[]) => list.filter((x) => x.id.startsWith('perf-')).length

const OPERATIONS: Operation[] = [
  {
    name: 'directory: a country\'s partners with their hotlines (three channel visibilities) and commitments',
    via: 'gateway',
    query: `{ country(code: "BN") { name partners { id name countries { code }
      hotlines { id name openNow harmTypes { code label } channels { display } partnerChannels { display } escalationChannels { display } }
      commitments { id title status focusArea { code label } latestProgress { percent } } } } }`,
    size: (d) => perf(d.country.partners),
  },
  {
    name: 'program search with owners (a page of up to 100 of the matching programs)',
    via: 'gateway',
    query: `{ programs(filter: { country: "BN" }, first: 100) { totalCount nodes { id title countries { code name }
      owner { ... on CivilSocietyOrganisation { id name programs { id } } ... on UnAgency { id name } } } } }`,
    size: (d) => perf(d.programs.nodes),
  },
  {
    name: "every partner's programs in a country, with their owners",
    via: 'gateway',
    query: `{ country(code: "BN") { partners(kind: CIVIL_SOCIETY) { id ... on CivilSocietyOrganisation { programs { id title owner { ... on CivilSocietyOrganisation { name } } } } } } }`,
    size: (d) => d.country.partners.reduce((n: number, p: any) => n + (p.programs?.length ?? 0), 0),
  },
  {
    name: 'referral pathway with every alternative, its channels and operator',
    via: 'gateway',
    query: `{ referralPathway(country: "BN", harm: "csam", audience: CHILD) { missingSteps steps { kind reason operator { name }
      hotline { id name channels { display } operator { id name } }
      alternatives { id name harmTypes { code } channels { display openNow } operator { id name } } } } }`,
    size: (d) => d.referralPathway.steps.reduce((n: number, s: any) => n + s.alternatives.length, 0),
  },
  {
    name: 'referral pathway in priority mode (best contact among every candidate, escalation contact)',
    via: 'gateway',
    query: `{ referralPathway(country: "BN", harm: "csam", priority: true) { steps { kind hotline { id } contact { display } escalationContact { value } } } }`,
  },
  {
    name: 'partners: _entities of organisations',
    via: 'partners',
    query: entities('... on CivilSocietyOrganisation { id name countries { code } verification { verified } }'),
    variables: reps('CivilSocietyOrganisation', 'partner'),
    size: entityCount,
  },
  {
    name: 'hotlines: _entities of hotlines with harm types, channels and operators',
    via: 'hotlines',
    query: entities('... on Hotline { id name harmTypes { code } channels { display } partnerChannels { display } escalationChannels { display } operator { id } }'),
    variables: reps('Hotline', 'hotline'),
    size: entityCount,
  },
  {
    name: 'hotlines: _entities of partners with their hotlines',
    via: 'hotlines',
    query: entities('... on Partner { hotlines { id channels { display } } }'),
    variables: reps('Partner', 'partner'),
    size: (d) => d._entities.filter((p: any) => p.hotlines.length).length,
  },
  {
    name: 'commitments: _entities of commitments with focus areas, plans and progress',
    via: 'commitments',
    query: entities('... on Commitment { id title plan { code } focusArea { code label } progress { percent } latestProgress { percent } }'),
    variables: reps('Commitment', 'commitment'),
    size: entityCount,
  },
  {
    name: 'commitments: _entities of partners with their commitments',
    via: 'commitments',
    query: entities('... on Partner { commitments { id } }'),
    variables: reps('Partner', 'partner'),
    size: (d) => d._entities.filter((p: any) => p.commitments.length).length,
  },
  {
    name: 'civil-society: _entities of programs and of organisations with programs and memberships',
    via: 'civil-society',
    query: `query($r: [_Any!]!, $o: [_Any!]!) {
      programs: _entities(representations: $r) { ... on Program { id title owner { __typename } } }
      owners: _entities(representations: $o) { ... on CivilSocietyOrganisation { programs { id } memberships { network { id } } } } }`,
    variables: (n) => ({ r: reps('Program', 'program')(n).r, o: reps('CivilSocietyOrganisation', 'partner')(n).r }),
    size: (d) => d.programs.filter(Boolean).length,
  },
  {
    name: 'resources: _entities of partners with their resources',
    via: 'resources',
    query: entities('... on Partner { id resources { id } }'),
    variables: reps('Partner', 'partner'),
    size: entityCount,
  },
  {
    name: 'tech-companies: _entities of companies with platforms',
    via: 'tech-companies',
    query: entities('... on TechCompany { id memberships platforms { name company { id } } }'),
    variables: reps('TechCompany', 'partner'),
    size: (d) => d._entities.filter((c: any) => c?.platforms.length).length,
  },
  {
    name: 'un-agencies: _entities of agencies with their projects',
    via: 'un-agencies',
    query: entities('... on UnAgency { id mandate technicalAssistanceProjects { id countries { code } } }'),
    variables: reps('UnAgency', 'partner'),
    size: (d) => d._entities.filter((a: any) => a?.technicalAssistanceProjects.length).length,
  },
  {
    name: 'governments: _entities of agencies with parent bodies',
    via: 'governments',
    query: entities('... on GovernmentAgency { id agencyType mandate parentBody { id agencyType } jurisdiction { code } }'),
    variables: reps('GovernmentAgency', 'partner'),
    size: (d) => d._entities.filter((a: any) => a?.parentBody).length,
  },
]

const STAFF = identity('secretariat', { org: 'asean-secretariat' })

async function run(stack: TestStack, token: string, op: Operation, items: number) {
  const counts: Partial<Record<SubgraphName, number>> = {}
  for (const [name, sg] of stack.subgraphs) sg.db.onQuery = () => void (counts[name] = (counts[name] ?? 0) + 1)
  try {
    const variables = op.variables?.(items) ?? {}
    let body: { data?: any; errors?: unknown[] }
    if (op.via === 'gateway') body = await stack.query(op.query, variables, token)
    else {
      const res = await fetch(stack.subgraphs.get(op.via)!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await signForSubgraph(op.via, STAFF, stack.subgraphKey)}` },
        body: JSON.stringify({ query: op.query, variables }),
      })
      body = (await res.json()) as typeof body
    }
    return { counts, body }
  } finally {
    for (const sg of stack.subgraphs.values()) sg.db.onQuery = undefined
  }
}

t.test('statements per operation do not grow with the number of items', async (t) => {
  const stack = await startTestStack(t)
  const token = await stack.token({ role: 'secretariat', org: 'asean-secretariat' })
  const measure = async (items: number) => {
    const results = []
    for (const op of OPERATIONS) results.push(await run(stack, token, op, items))
    return results
  }

  await addRows(stack, 1, 10)
  await addKindRows(stack, 1, 10)
  const small = await measure(10)
  await addRows(stack, 11, 1000)
  await addKindRows(stack, 11, 1000)
  const large = await measure(1000)

  OPERATIONS.forEach((op, i) => {
    t.test(op.name, async (t) => {
      const [a, b] = [small[i]!, large[i]!]
      t.notOk(a.body.errors, `no errors over 10 items: ${JSON.stringify(a.body.errors)}`)
      t.notOk(b.body.errors, `no errors over 1,000 items: ${JSON.stringify(b.body.errors)}`)
      const [sizeA, sizeB] = [op.size?.(a.body.data), op.size?.(b.body.data)]
      if (op.size) t.ok(sizeB! > sizeA!, `the answer grew from ${sizeA} to ${sizeB} items`)
      t.same(b.counts, a.counts, 'the same statements per subgraph')
      t.comment(`statements: ${JSON.stringify(a.counts)}${op.size ? ` (items: ${sizeA} -> ${sizeB})` : ''}`)
    })
  })
})
