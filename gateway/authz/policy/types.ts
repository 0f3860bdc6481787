// The access policy is data: for every object type and field of the API schema, the name of the
// rule that decides it. The gateway turns it into one graphql-shield rule tree (deny by default);
// a test fails when the schema has a field that no policy file names.
export const RULE_NAMES = [
  /** Anyone, signed in or not. */
  'public',
  /** Any signed-in partner (every role but public). */
  'partner',
  /** Law-enforcement escalation: verified tech companies, governments, secretariat, admin. */
  'restricted',
  /** The ASEAN Secretariat and admins: reports, change logs, review queues. */
  'staff',
  /** Program writes: civil_society and un_agency staff (own organisation, checked by the subgraph), secretariat, admin. */
  'programWriter',
  /** Commitment progress: governments (own country, checked by the subgraph), secretariat, admin. */
  'progressWriter',
  /** Self-service upkeep: staff of any partner organisation (ownership checked by the subgraph), secretariat, admin. */
  'ownerOrStaff',
  /** Admins only. */
  'admin',
] as const
export type RuleName = (typeof RULE_NAMES)[number]

/** Type name -> field name -> rule. Only object types (incl. Query and Mutation). */
export type Policy = Record<string, Record<string, RuleName>>
