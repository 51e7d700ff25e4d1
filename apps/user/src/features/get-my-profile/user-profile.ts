import type { UserRole } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import { loadUser, type LoadedUser } from '../../streams/user-streams';

export interface UserProfile {
  userId: string;
  email: string;
  name: string;
  roles: UserRole[];
  createdAt: string;
}

export function profileOf(user: LoadedUser): UserProfile | undefined {
  const { state } = user;
  if (state.status === 'absent' || !state.userId || !state.email || !state.name) return undefined;
  return {
    userId: state.userId,
    email: state.email,
    name: state.name,
    roles: [...state.roles],
    createdAt: (user.createdAt ?? new Date(0)).toISOString(),
  };
}

export async function loadProfile(store: EventStore, userId: string): Promise<UserProfile | undefined> {
  return profileOf(await loadUser(store, userId));
}
