import { openEventStore, UnsupportedEventStoreUrlError } from './open-event-store';
import { EsdbEventStore } from './esdb/esdb-event-store';

describe('openEventStore picks the adapter from the URL scheme', () => {
  it('rejects other schemes with an error naming the expected ones, without the password', async () => {
    const error = await openEventStore('postgres://admin:secret@db/events').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedEventStoreUrlError);
    expect((error as Error).message).toContain(
      'esdb://, esdb+discover://, kurrentdb://, mysql:// or sqlite:',
    );
    expect((error as Error).message).not.toContain('secret');
  });

  it.each(['esdb://localhost:2113?tls=false', 'kurrentdb://localhost:2113?tls=false'])(
    '%s gives the EventStoreDB adapter (connecting lazily)',
    async (url) => {
      const store = await openEventStore(url);
      expect(store).toBeInstanceOf(EsdbEventStore);
      await store.close();
    },
  );
});
