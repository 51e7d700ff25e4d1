import type { UserEvent, UserRegisteredData } from '@quizbook/contracts';
import { deciderSpec } from '@quizbook/testing';
import { userDecider, type UserCommand, type UserState } from './user.decider';
import { UserAlreadyRegisteredError, UserIsDisabledError, UserNotFoundError } from './user-errors';

const spec = deciderSpec<UserState, UserCommand, UserEvent>(userDecider);
const userId = 'u-1';
const ada: UserRegisteredData = {
  userId,
  email: 'ada@example.com',
  name: 'Ada',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  roles: ['learner'],
  source: 'local',
};
const registered: UserEvent = { type: 'UserRegistered', data: ada };
const disabled: UserEvent = { type: 'UserDisabled', data: { userId } };

describe('user decider', () => {
  describe('RegisterUser', () => {
    it('registers a new user', () => {
      spec.given([]).when({ type: 'RegisterUser', data: ada }).then([registered]);
    });

    it('records each role once', () => {
      spec
        .given([])
        .when({ type: 'RegisterUser', data: { ...ada, roles: ['learner', 'admin', 'learner'] } })
        .then([{ type: 'UserRegistered', data: { ...ada, roles: ['learner', 'admin'] } }]);
    });

    it('refuses to register a user twice', () => {
      spec
        .given([registered])
        .when({ type: 'RegisterUser', data: ada })
        .thenThrows((error) => error instanceof UserAlreadyRegisteredError);
    });
  });

  describe('ChangeProfile', () => {
    it('changes the name', () => {
      spec
        .given([registered])
        .when({ type: 'ChangeProfile', userId, name: 'Ada L.' })
        .then([{ type: 'ProfileChanged', data: { userId, name: 'Ada L.' } }]);
    });

    it('decides nothing when the name is the same', () => {
      spec.given([registered]).when({ type: 'ChangeProfile', userId, name: 'Ada' }).then([]);
    });

    it('refuses an unknown user', () => {
      spec
        .given([])
        .when({ type: 'ChangeProfile', userId, name: 'X' })
        .thenThrows((error) => error instanceof UserNotFoundError);
    });

    it('refuses a disabled user', () => {
      spec
        .given([registered, disabled])
        .when({ type: 'ChangeProfile', userId, name: 'X' })
        .thenThrows((error) => error instanceof UserIsDisabledError);
    });
  });

  describe('GrantRole', () => {
    it('grants a role the user lacks', () => {
      spec
        .given([registered])
        .when({ type: 'GrantRole', userId, role: 'instructor' })
        .then([{ type: 'RoleGranted', data: { userId, role: 'instructor' } }]);
    });

    it('decides nothing for a role held already', () => {
      spec.given([registered]).when({ type: 'GrantRole', userId, role: 'learner' }).then([]);
    });

    it('grants again a role revoked before', () => {
      spec
        .given([registered, { type: 'RoleRevoked', data: { userId, role: 'learner' } }])
        .when({ type: 'GrantRole', userId, role: 'learner' })
        .then([{ type: 'RoleGranted', data: { userId, role: 'learner' } }]);
    });

    it('refuses an unknown user', () => {
      spec
        .given([])
        .when({ type: 'GrantRole', userId, role: 'admin' })
        .thenThrows((error) => error instanceof UserNotFoundError);
    });

    it('refuses a disabled user', () => {
      spec
        .given([registered, disabled])
        .when({ type: 'GrantRole', userId, role: 'admin' })
        .thenThrows((error) => error instanceof UserIsDisabledError);
    });
  });

  describe('RevokeRole', () => {
    it('revokes a held role', () => {
      spec
        .given([registered, { type: 'RoleGranted', data: { userId, role: 'admin' } }])
        .when({ type: 'RevokeRole', userId, role: 'admin' })
        .then([{ type: 'RoleRevoked', data: { userId, role: 'admin' } }]);
    });

    it('decides nothing for a role not held', () => {
      spec.given([registered]).when({ type: 'RevokeRole', userId, role: 'admin' }).then([]);
    });

    it('refuses an unknown user', () => {
      spec
        .given([])
        .when({ type: 'RevokeRole', userId, role: 'admin' })
        .thenThrows((error) => error instanceof UserNotFoundError);
    });
  });

  describe('DisableUser', () => {
    it('disables an active user', () => {
      spec
        .given([registered])
        .when({ type: 'DisableUser', userId, reason: 'abuse' })
        .then([{ type: 'UserDisabled', data: { userId, reason: 'abuse' } }]);
    });

    it('decides nothing for a disabled user', () => {
      spec.given([registered, disabled]).when({ type: 'DisableUser', userId }).then([]);
    });

    it('refuses an unknown user', () => {
      spec
        .given([])
        .when({ type: 'DisableUser', userId })
        .thenThrows((error) => error instanceof UserNotFoundError);
    });
  });
});
