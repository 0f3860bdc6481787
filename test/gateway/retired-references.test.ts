// A retired partner leaves every public answer, and the records that name it (programs,
// commitments, resources, hotlines) stay: the reference to it becomes null for the public, and the
// rest of the answer is untouched. (A non-null reference would void the whole list it is in.)
import t from 'tap'
import { startTestStack } from '../helpers/stack.ts'

const READ = `{
  programs(first: 100) { totalCount nodes { id owner { ... on CivilSocietyOrganisation { id name status } ... on UnAgency { id name status } } } }
  commitments(first: 100) { totalCount nodes { id partner { id name status } } }
  resources(first: 100) { totalCount nodes { id publisher { id name status } copublishers { id name } } }
  hotlines(country: "KH") { id operator { id name status } }
}`

t.test('records that name a retired partner', async (t) => {
  const stack = await startTestStack(t)
  const staff = await stack.token({ role: 'secretariat', org: 'asean-secretariat', sub: 'officer@asean.org' })
  const before = await stack.query(READ)
  t.notOk(before.errors)
  const owners = (nodes: any[], key: string) => nodes.map((n) => n[key]?.id).filter((id): id is string => typeof id === 'string' && id !== 'asean-secretariat')
  const retired = new Set([
    owners(before.data.programs.nodes, 'owner')[0]!,
    owners(before.data.commitments.nodes, 'partner')[0]!,
    owners(before.data.resources.nodes, 'publisher')[0]!,
    owners(before.data.hotlines, 'operator')[0]!,
  ])
  t.equal(retired.size > 1, true, `retiring ${[...retired].join(', ')}`)
  for (const id of retired) {
    const { data } = await stack.query(`query($id: ID!) { partner(id: $id) { version } }`, { id }, staff)
    const res = await stack.query(`mutation($id: ID!, $v: Int!) { retirePartner(id: $id, expectedVersion: $v) { status } }`, { id, v: data.partner.version }, staff)
    t.same(res.data, { retirePartner: { status: 'RETIRED' } })
  }

  t.test('the public: every list still answers, in full; references to the retired partners are null', async (t) => {
    const after = await stack.query(READ)
    t.equal(after.status, 200)
    t.notOk(after.errors)
    t.not(after.data, null)
    for (const list of ['programs', 'commitments', 'resources'] as const) {
      t.equal(after.data[list].totalCount, before.data[list].totalCount, `${list}: as many as before`)
    }
    t.equal(after.data.hotlines.length, before.data.hotlines.length)
    const references = [
      ...after.data.programs.nodes.map((n: any, i: number) => [before.data.programs.nodes[i].owner?.id, n.owner]),
      ...after.data.commitments.nodes.map((n: any, i: number) => [before.data.commitments.nodes[i].partner?.id, n.partner]),
      ...after.data.resources.nodes.map((n: any, i: number) => [before.data.resources.nodes[i].publisher?.id, n.publisher]),
      ...after.data.hotlines.map((n: any, i: number) => [before.data.hotlines[i].operator?.id, n.operator]),
    ]
    const toRetired = references.filter(([id]) => retired.has(id))
    t.ok(toRetired.length >= retired.size)
    t.same(toRetired.filter(([, now]) => now !== null), [], 'every reference to a retired partner is null')
    t.ok(references.filter(([id]) => id && !retired.has(id)).every(([id, now]) => now?.id === id && now.status === 'ACTIVE'), 'every other reference is as before')
  })

  t.test('the Secretariat still sees who they were', async (t) => {
    const res = await stack.query(READ, {}, staff)
    t.notOk(res.errors)
    const seen = res.data.programs.nodes.map((n: any) => n.owner).filter((o: any) => retired.has(o?.id))
    t.ok(seen.length > 0 && seen.every((o: any) => o.status === 'RETIRED'))
  })

  t.test('HSDS: a program of a retired organisation is not served on its own', async (t) => {
    const program = before.data.programs.nodes.find((n: any) => retired.has(n.owner?.id))
    const index = await fetch(`${stack.gatewayUrl.replace('/graphql', '')}/hsds/services?format=ndjson`)
    const ids = (await index.text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string; directory_id?: string })
    const entry = ids.find((s) => s.directory_id === program.id)
    t.ok(entry, 'listed (the list names its organisation by id only)')
    t.equal((await fetch(`${stack.gatewayUrl.replace('/graphql', '')}/hsds/services/${entry!.id}`)).status, 404, 'but not served with its organisation')
  })

  t.test('lists of agencies, platforms, projects and network memberships: a retired partner is a null item, never a null list', async (t) => {
    const LISTS = `{ country(code: "TH") { agencies { id name } specialisedUnits { id name } } aseanBodies { id name }
      techCompanyPlatforms { name company { id name } }
      technicalAssistanceProjects { id agency { id name } }
      partners(filter: { kind: CIVIL_SOCIETY }, first: 100) { nodes { id ... on CivilSocietyOrganisation { memberships { network { id name } } } } } }`
    const seen = await stack.query(LISTS)
    t.notOk(seen.errors)
    const network = seen.data.partners.nodes.flatMap((n: any) => n.memberships.map((m: any) => m.network?.id)).find(Boolean) as string
    const more = ['th-rtp-ticac', 'acwc', 'meta', 'unicef-eapro', network].filter((id) => !retired.has(id))
    for (const id of more) {
      const { data } = await stack.query(`query($id: ID!) { partner(id: $id) { version } }`, { id }, staff)
      await stack.query(`mutation($id: ID!, $v: Int!) { retirePartner(id: $id, expectedVersion: $v) { status } }`, { id, v: data.partner.version }, staff)
    }
    const after = await stack.query(LISTS)
    t.notOk(after.errors)
    t.not(after.data, null)
    t.equal(after.data.country.agencies.length, seen.data.country.agencies.length)
    t.ok(after.data.country.agencies.includes(null) && after.data.aseanBodies.includes(null), 'th-rtp-ticac and acwc are null items')
    t.ok(after.data.country.agencies.some((a: any) => a?.id === 'th-msdhs'), 'the other agencies stay')
    t.same(after.data.techCompanyPlatforms.filter((p: any) => p.company === null).map((p: any) => p.name).sort(),
      seen.data.techCompanyPlatforms.filter((p: any) => p.company === null || p.company.id === 'meta').map((p: any) => p.name).sort(), "meta's platforms name no company")
    const before = new Map(seen.data.technicalAssistanceProjects.map((p: any) => [p.id, p.agency?.id ?? null]))
    t.ok(after.data.technicalAssistanceProjects.every((p: any) => (p.agency === null) === (before.get(p.id) === null || before.get(p.id) === 'unicef-eapro')), "unicef-eapro's projects name no agency")
    const memberships = after.data.partners.nodes.flatMap((n: any) => n.memberships)
    t.ok(memberships.some((m: any) => m.network === null), 'a membership of the retired network names no network')
  })
})
