/**
 * Who may do what. Routes ask for a permission, never for a role, so a role can change in one place.
 */
export const ROLES = ['admin', 'secretariat', 'reviewer', 'state_party'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'users' | 'catalog' | 'applications' | 'decide' | 'audit' | 'rounds' | 'object';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['users', 'catalog', 'applications', 'decide', 'audit', 'rounds'],
  // Calls, FAQ, channels, settings, browsing applications and sending approval rounds; deciding is for reviewers.
  secretariat: ['catalog', 'applications', 'audit', 'rounds'],
  reviewer: ['applications', 'decide'],
  // A State party's focal point: the organisations in open rounds, and objections. Nothing else.
  state_party: ['object'],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator (everything, including users)',
  secretariat: 'Secretariat (calls, FAQ, channels, applications)',
  reviewer: 'Reviewer (read applications, decide)',
  state_party: 'State party focal point (non-objection rounds only)',
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
