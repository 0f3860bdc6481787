// Commitments: summaries (what was pledged, by whom, where, status, dates, percent) are public,
// so anyone can follow the Regional Plan of Action. Progress notes and their authors are for
// signed-in partners: they can name officials and internal detail. Reports are for staff.
// Recording progress needs a progress writer; the subgraph checks the government's country.
import type { Policy, RuleName } from './types.ts'

const fields = <F extends string>(rule: RuleName, ...names: F[]) => Object.fromEntries(names.map((n) => [n, rule])) as Record<F, RuleName>

const partnerCommitments = { commitments: 'public' } as const
const countRow = fields('staff', 'pledged', 'inProgress', 'completed', 'lapsed', 'total')

export const policy: Policy = {
  Query: {
    ...fields('public', 'plans', 'focusAreas', 'mnrCapabilities', 'commitment', 'commitments'),
    ...fields('staff', 'commitmentsByFocusArea', 'coverageGaps', 'progressOverTime', 'partnerCommitmentCounts'),
  },
  Mutation: { recordProgress: 'progressWriter' },
  Plan: fields('public', 'code', 'title', 'titles', 'periodStart', 'periodEnd', 'status', 'milestones', 'focusAreas', 'source'),
  PlanMilestone: fields('public', 'when', 'event'),
  FocusArea: fields('public', 'code', 'number', 'plan', 'label', 'labels'),
  MnrCapability: fields('public', 'code', 'number', 'domain', 'label', 'labels'),
  GovernmentAgency: partnerCommitments,
  TechCompany: partnerCommitments,
  CivilSocietyOrganisation: partnerCommitments,
  UnAgency: partnerCommitments,
  Country: fields('public', 'code', 'commitments'),
  Commitment: fields(
    'public',
    'id',
    'partner',
    'plan',
    'focusArea',
    'mnrCapability',
    'countries',
    'title',
    'titles',
    'status',
    'pledgedOn',
    'targetDate',
    'source',
    'progress',
    'latestProgress',
    'updatedAt',
  ),
  ProgressUpdate: { ...fields('public', 'date', 'percent', 'recordedAt'), ...fields('partner', 'note', 'author') },
  CommitmentConnection: fields('public', 'nodes', 'totalCount', 'pageInfo'),
  LocalizedText: fields('public', 'lang', 'value'),
  PageInfo: fields('public', 'hasNextPage', 'endCursor'),
  FocusAreaCountRow: { ...fields('staff', 'focusArea', 'focusAreaNumber', 'focusAreaLabel', 'country'), ...countRow },
  CoverageGapRow: fields('staff', 'focusArea', 'focusAreaNumber', 'focusAreaLabel', 'country'),
  ProgressPointRow: fields('staff', 'periodStart', 'periodEnd', 'focusArea', 'country', 'commitments', 'averagePercent'),
  PartnerCommitmentCountRow: { ...fields('staff', 'partnerId', 'partner'), ...countRow },
}
