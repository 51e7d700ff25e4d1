import { isRole, type Role } from '../roles';

/**
 * Cognito groups named after our roles grant them; other groups (Cognito's own, other apps') are
 * ignored. Everyone signed in may at least learn, so no role group means `learner`.
 */
export function rolesFromCognitoGroups(groups: unknown): Role[] {
  const names = Array.isArray(groups) ? groups : [];
  const roles = [...new Set(names.filter(isRole))];
  return roles.length > 0 ? roles : ['learner'];
}
