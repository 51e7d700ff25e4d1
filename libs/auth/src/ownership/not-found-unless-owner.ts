import { notFound } from '@quizbook/platform';
import type { Principal } from '../principal';

export interface OwnershipOptions {
  /** Admins may read or act on anyone's resource. */
  adminSees?: boolean;
  detail?: string;
}

/**
 * The resource when it is the caller's, otherwise the same 404 a missing one gets: a 403 would
 * confirm the id exists, so someone else's resource is indistinguishable from none.
 */
export function notFoundUnlessOwner<T>(
  resource: T | undefined | null,
  principal: Principal,
  ownerIdOf: (resource: T) => string | undefined,
  options: OwnershipOptions = {},
): T {
  const detail = options.detail ?? 'The resource does not exist.';
  if (resource === undefined || resource === null) throw notFound(detail);
  if (ownerIdOf(resource) === principal.userId) return resource;
  if (options.adminSees && principal.roles.includes('admin')) return resource;
  throw notFound(detail);
}
