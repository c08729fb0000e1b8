/**
 * Who may do what. Routes ask for a permission, never for a role, so a role can change in one place.
 */
export const ROLES = ['admin', 'secretariat', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'users' | 'catalog' | 'applications' | 'decide' | 'audit';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['users', 'catalog', 'applications', 'decide', 'audit'],
  // Calls, FAQ, channels, settings and browsing applications; deciding is for reviewers.
  secretariat: ['catalog', 'applications', 'audit'],
  reviewer: ['applications', 'decide'],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator (everything, including users)',
  secretariat: 'Secretariat (calls, FAQ, channels, applications)',
  reviewer: 'Reviewer (read applications, decide)',
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
