import { z } from 'zod';
import { defineContract, type ContractData, eventParser, type EventOf } from '../contract';

/** Kept here rather than imported from libs/auth: contracts import nothing of ours. */
export const userRoles = ['learner', 'instructor', 'admin'] as const;
export const userRoleSchema = z.enum(userRoles);
export type UserRole = z.infer<typeof userRoleSchema>;

/** `user-<id>` streams hold a user's events; the category the welcome publisher listens to. */
export const userStreamCategory = 'user';

export const UserRegistered = defineContract(
  'UserRegistered',
  1,
  z.object({
    userId: z.string().min(1),
    /** Normalized: trimmed and lower-case. */
    email: z.string().email(),
    name: z.string().min(1),
    /** argon2id, PHC-encoded; absent for Cognito users, whose passwords Cognito keeps. */
    passwordHash: z.string().min(1).optional(),
    roles: z.array(userRoleSchema),
    source: z.enum(['local', 'cognito']),
  }),
);

export const ProfileChanged = defineContract(
  'ProfileChanged',
  1,
  z.object({ userId: z.string().min(1), name: z.string().min(1) }),
);

export const RoleGranted = defineContract(
  'RoleGranted',
  1,
  z.object({ userId: z.string().min(1), role: userRoleSchema }),
);

export const RoleRevoked = defineContract(
  'RoleRevoked',
  1,
  z.object({ userId: z.string().min(1), role: userRoleSchema }),
);

export const UserDisabled = defineContract(
  'UserDisabled',
  1,
  z.object({ userId: z.string().min(1), reason: z.string().optional() }),
);

export type UserRegisteredData = ContractData<typeof UserRegistered>;
export type ProfileChangedData = ContractData<typeof ProfileChanged>;
export type RoleGrantedData = ContractData<typeof RoleGranted>;
export type RoleRevokedData = ContractData<typeof RoleRevoked>;
export type UserDisabledData = ContractData<typeof UserDisabled>;

export type UserEvent = EventOf<typeof userEventContracts>;

export const userEventContracts = {
  UserRegistered,
  ProfileChanged,
  RoleGranted,
  RoleRevoked,
  UserDisabled,
} as const;

/** Validates a stored event against its contract; undefined for a type this service does not know. */
export const parseUserEvent = eventParser(userEventContracts);

export function isUserRoleName(value: string): value is UserRole {
  return (userRoles as readonly string[]).includes(value);
}
