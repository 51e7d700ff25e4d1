import { openEventStore } from './open-event-store';
import { SqlEventStore } from './sql/sql-event-store';

describe('openEventStore with a SQL URL', () => {
  it('sqlite: gives the SQL adapter with its schema created', async () => {
    const store = await openEventStore('sqlite::memory:');
    expect(store).toBeInstanceOf(SqlEventStore);
    expect(await store.headPosition()).toBe(-1n);
    await store.close();
  });
});
