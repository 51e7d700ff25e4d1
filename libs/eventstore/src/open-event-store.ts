import { redactUrl } from '@quizbook/database';
import type { EventStore } from './event-store.port';
import { SqlEventStore } from './sql/sql-event-store';

export class UnsupportedEventStoreUrlError extends Error {
  override readonly name = 'UnsupportedEventStoreUrlError';
}

export interface OpenEventStoreOptions {
  /** SQL adapters: how often live subscriptions poll for appends made by other processes. */
  pollIntervalMs?: number;
}

const esdbSchemes = ['esdb://', 'esdb+discover://', 'kurrentdb://', 'kurrentdb+discover://'];

export function isEsdbUrl(url: string): boolean {
  return esdbSchemes.some((scheme) => url.startsWith(scheme));
}

/** The one place that picks the event store adapter, from the URL scheme. */
export async function openEventStore(url: string, options: OpenEventStoreOptions = {}): Promise<EventStore> {
  if (isEsdbUrl(url)) {
    // Loaded only when configured: the gRPC client is heavy and unused by the SQL setups.
    const { EsdbEventStore } = await import('./esdb/esdb-event-store');
    return EsdbEventStore.connect(url);
  }
  if (url.startsWith('mysql://') || url.startsWith('sqlite:')) {
    return SqlEventStore.open(
      url,
      options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs },
    );
  }
  throw new UnsupportedEventStoreUrlError(
    `event store URL must start with esdb://, esdb+discover://, kurrentdb://, mysql:// or sqlite:, got "${redactUrl(url)}"`,
  );
}
