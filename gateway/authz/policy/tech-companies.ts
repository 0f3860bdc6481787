import type { Policy } from './types.ts'

// Platforms, memberships and transparency reports are public. The law-enforcement request route
// is restricted (verified tech companies, governments, the Secretariat), and so is every field of
// the route itself, so no other path can reach it. Writes pass the gateway for staff of any
// partner (ownerOrStaff); the subgraph then refuses anyone but the company's own verified staff
// and the Secretariat. The route's change log is theirs alone (ownerOrStaff, checked in the
// subgraph), and only reachable through the restricted route.
const audit = 'ownerOrStaff' as const

export const policy: Policy = {
  Query: { techCompanyPlatforms: 'public' },
  Mutation: { createLawEnforcementRoute: audit, updateLawEnforcementRoute: audit, retireLawEnforcementRoute: audit },
  TechCompany: {
    id: 'public',
    platforms: 'public',
    memberships: 'public',
    transparencyReportUrl: 'public',
    lawEnforcementRequestRoute: 'restricted',
  },
  Platform: { id: 'public', name: 'public', kind: 'public', company: 'public' },
  LawEnforcementRoute: {
    url: 'restricted',
    email: 'restricted',
    note: 'restricted',
    example: 'restricted',
    source: 'restricted',
    verifiedAt: 'restricted',
    status: 'restricted',
    version: 'restricted',
    changes: audit,
  },
  LawEnforcementRouteChange: { version: audit, at: audit, actorSub: audit, actorOrg: audit, fields: audit },
  LawEnforcementRouteFieldChange: { field: audit, oldValue: audit, newValue: audit },
}
