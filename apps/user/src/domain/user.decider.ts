import type { UserEvent, UserRegisteredData, UserRole } from '@quizbook/contracts';
import { UserAlreadyRegisteredError, UserIsDisabledError, UserNotFoundError } from './user-errors';

export interface UserState {
  status: 'absent' | 'active' | 'disabled';
  userId?: string;
  email?: string;
  name?: string;
  passwordHash?: string;
  roles: UserRole[];
  source?: 'local' | 'cognito';
}

export type UserCommand =
  | { type: 'RegisterUser'; data: UserRegisteredData }
  | { type: 'ChangeProfile'; userId: string; name: string }
  | { type: 'GrantRole'; userId: string; role: UserRole }
  | { type: 'RevokeRole'; userId: string; role: UserRole }
  | { type: 'DisableUser'; userId: string; reason?: string };

export const initialState = (): UserState => ({ status: 'absent', roles: [] });

export function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, email, name, passwordHash, roles, source } = event.data;
      return { status: 'active', userId, email, name, passwordHash, roles: [...new Set(roles)], source };
    }
    case 'ProfileChanged':
      return { ...state, name: event.data.name };
    case 'RoleGranted':
      return { ...state, roles: [...new Set([...state.roles, event.data.role])] };
    case 'RoleRevoked':
      return { ...state, roles: state.roles.filter((role) => role !== event.data.role) };
    case 'UserDisabled':
      return { ...state, status: 'disabled' };
  }
}

/** Granting a role held already, or revoking one not held, decides nothing: retries stay harmless. */
export function decide(command: UserCommand, state: UserState): UserEvent[] {
  if (command.type === 'RegisterUser') {
    if (state.status !== 'absent') throw new UserAlreadyRegisteredError(command.data.userId);
    return [{ type: 'UserRegistered', data: { ...command.data, roles: [...new Set(command.data.roles)] } }];
  }
  if (state.status === 'absent') throw new UserNotFoundError(command.userId);
  switch (command.type) {
    case 'ChangeProfile':
      assertActive(state, command.userId);
      return state.name === command.name
        ? []
        : [{ type: 'ProfileChanged', data: { userId: command.userId, name: command.name } }];
    case 'GrantRole':
      assertActive(state, command.userId);
      return state.roles.includes(command.role)
        ? []
        : [{ type: 'RoleGranted', data: { userId: command.userId, role: command.role } }];
    case 'RevokeRole':
      return state.roles.includes(command.role)
        ? [{ type: 'RoleRevoked', data: { userId: command.userId, role: command.role } }]
        : [];
    case 'DisableUser':
      return state.status === 'disabled'
        ? []
        : [
            {
              type: 'UserDisabled',
              data: { userId: command.userId, ...(command.reason ? { reason: command.reason } : {}) },
            },
          ];
  }
}

function assertActive(state: UserState, userId: string): void {
  if (state.status === 'disabled') throw new UserIsDisabledError(userId);
}

export const userDecider = { initialState, evolve, decide };
