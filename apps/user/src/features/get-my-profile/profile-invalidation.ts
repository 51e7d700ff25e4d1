import { parseUserEvent, userStreamCategory } from '@quizbook/contracts';
import type { EventStore, Subscription } from '@quizbook/eventstore';
import type { ProfileCache } from './profile-cache';

/**
 * Drops a cached profile whenever one of its user's events is appended, by this instance, another
 * one or the CLI. Live only (from the current head): the cache starts empty or TTL-bounded anyway.
 */
export async function startProfileInvalidation(
  eventStore: EventStore,
  profiles: ProfileCache,
  onError?: (error: unknown) => void,
): Promise<Subscription> {
  const head = await eventStore.headPosition();
  return eventStore.subscribeToAll({
    after: head < 0n ? 'start' : head,
    categories: [userStreamCategory],
    onError,
    handler: async (event) => {
      const parsed = parseUserEvent(event.type, event.data);
      if (parsed) await profiles.invalidate(parsed.data.userId);
    },
  });
}
