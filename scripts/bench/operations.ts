// The operations every gateway is measured on, as the public sends them (no token), and the
// floor for each: the first fetch of the query plan, sent straight to the subgraph that owns the
// root field. The floor is what one subgraph alone costs, with no federation at all.
import { operationFromDocument, Supergraph } from '@apollo/federation-internals'
import { QueryPlanner, type PlanNode } from '@apollo/query-planner'
import { parse } from 'graphql'

export interface BenchOperation {
  name: string
  description: string
  query: string
  variables: Record<string, unknown>
}

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'directory',
    description: "a country's partners with their hotlines and commitments (partners, hotlines, commitments)",
    query: `query Directory($country: String!) {
      partners(filter: { country: $country }, first: 20) {
        totalCount
        nodes { id name kind website
          hotlines { id name kind channels { type display } }
          commitments { id title status pledgedOn } } } }`,
    variables: { country: 'TH' },
  },
  {
    name: 'referral-pathway',
    description: 'where to refer sextortion in Thailand, with channels and operators (hotlines, partners)',
    query: `query Pathway($country: String!, $harm: String!) {
      referralPathway(country: $country, harm: $harm) {
        missingSteps
        steps { order kind reason
          hotline { id name channels { type display openNow } }
          operator { id name }
          alternatives { id name } } } }`,
    variables: { country: 'TH', harm: 'sextortion' },
  },
  {
    name: 'program-search',
    description: 'programs in Cambodia with their owners and countries (civil-society, partners, governments)',
    query: `query Programs($country: String!) {
      programs(filter: { country: $country }, first: 20) {
        totalCount
        nodes { id title status audiences
          owner { ... on CivilSocietyOrganisation { id name } ... on UnAgency { id name } }
          countries { code name } } } }`,
    variables: { country: 'KH' },
  },
]

export interface RootFetch {
  subgraph: string
  query: string
  variables: Record<string, unknown>
}

function firstFetch(node: PlanNode | undefined): Extract<PlanNode, { kind: 'Fetch' }> | undefined {
  if (!node) return undefined
  switch (node.kind) {
    case 'Fetch':
      return node
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) {
        const found = firstFetch(child)
        if (found) return found
      }
      return undefined
    default:
      return undefined
  }
}

/** The root fetch of each operation's query plan on this supergraph. */
export function rootFetches(supergraphSdl: string): Map<string, RootFetch> {
  const supergraph = Supergraph.build(supergraphSdl)
  const planner = new QueryPlanner(supergraph)
  const fetches = new Map<string, RootFetch>()
  for (const op of OPERATIONS) {
    const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(op.query)))
    const fetch = firstFetch(plan.node as PlanNode | undefined)
    if (!fetch) throw new Error(`${op.name}: the query plan has no fetch`)
    const variables = Object.fromEntries((fetch.variableUsages ?? []).map((name) => [name, op.variables[name]]))
    fetches.set(op.name, { subgraph: fetch.serviceName, query: fetch.operation, variables })
  }
  return fetches
}
