import type { Policy } from './types.ts'

// Platforms, memberships and transparency reports are public. The law-enforcement request route
// is restricted (verified tech companies, governments, the Secretariat), and so is every field of
// the route itself, so no other path can reach it.
export const policy: Policy = {
  Query: { techCompanyPlatforms: 'public' },
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
  },
}
