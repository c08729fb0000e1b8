/**
 * Who may do what. Routes ask for a permission, never for a role, so a role can change in one place.
 */
export const ROLES = ['admin', 'secretariat', 'reviewer', 'state_party'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `reviewers`: who may decide from chat — the review channels and the reviewer lists. Pointing a
 * review channel somewhere grants decision rights to its members, so it is an administrator's
 * permission, not the secretariat's. `rounds`: sending approval rounds; `object`: a State party's
 * objection in one. `installations`: turning another organisation's installation off or on.
 */
export type Permission = 'users' | 'catalog' | 'applications' | 'decide' | 'audit' | 'reviewers' | 'rounds' | 'object' | 'installations';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['users', 'catalog', 'applications', 'decide', 'audit', 'reviewers', 'rounds', 'installations'],
  // Calls, FAQ, settings, browsing applications (and seeing the channels) and sending approval
  // rounds; deciding is for reviewers.
  secretariat: ['catalog', 'applications', 'audit', 'rounds'],
  reviewer: ['applications', 'decide'],
  // A State party's focal point: the organisations in open rounds, and objections. Nothing else.
  state_party: ['object'],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator (everything, including users, review channels and reviewers)',
  secretariat: 'Secretariat (calls, FAQ, settings, applications)',
  reviewer: 'Reviewer (read applications, decide)',
  state_party: 'State party focal point (non-objection rounds only)',
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return ROLES.some((r) => r === v);
}
