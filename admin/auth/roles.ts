/**
 * Who may do what. Routes ask for a permission, never for a role, so a role can change in one place.
 */
export const ROLES = ['admin', 'secretariat', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `reviewers`: who may decide from chat — the review channels and the reviewer lists. Pointing a
 * review channel somewhere grants decision rights to its members, so it is an administrator's
 * permission, not the secretariat's.
 */
export type Permission = 'users' | 'catalog' | 'applications' | 'decide' | 'audit' | 'reviewers';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['users', 'catalog', 'applications', 'decide', 'audit', 'reviewers'],
  // Calls, FAQ, settings and browsing applications (and seeing the channels); deciding is for reviewers.
  secretariat: ['catalog', 'applications', 'audit'],
  reviewer: ['applications', 'decide'],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator (everything, including users, review channels and reviewers)',
  secretariat: 'Secretariat (calls, FAQ, settings, applications)',
  reviewer: 'Reviewer (read applications, decide)',
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
