// The named rules of the policy, as predicates on the verified identity and as graphql-shield
// rules. Every rule depends on the identity only, so an identity's "permission set" (which rules
// hold for it) decides every field: filtered documents and plans are cached per permission set.
import { rule } from 'graphql-shield'
import { isStaff, mayReadRestricted, type Identity } from '../../subgraphs/common/identity.ts'
import { RULE_NAMES, type RuleName } from './policy/types.ts'

export const predicates: Record<RuleName, (who: Identity) => boolean> = {
  public: () => true,
  partner: (who) => who.role !== 'public',
  restricted: mayReadRestricted,
  staff: isStaff,
  programWriter: (who) => isStaff(who) || who.role === 'civil_society' || who.role === 'un_agency',
  progressWriter: (who) => isStaff(who) || who.role === 'government',
  ownerOrStaff: (who) => isStaff(who) || (who.role !== 'public' && who.org !== null),
  admin: (who) => who.role === 'admin',
}

export interface AuthzContext {
  identity: Identity
}

export const shieldRules = Object.fromEntries(
  RULE_NAMES.map((name) => [name, rule(name, { cache: 'contextual' })((_parent: unknown, _args: unknown, ctx: AuthzContext) => predicates[name](ctx.identity))]),
) as Record<RuleName, ReturnType<ReturnType<typeof rule>>>

/** "public,partner,restricted": the rules that hold for this identity. */
export const permissionSet = (who: Identity) => RULE_NAMES.filter((name) => predicates[name](who)).join(',')
