import type { Kysely } from 'kysely';
import { defineProjection, type Projection } from '../projection';

/** A small real projection for the runner's tests: how many events each stream category holds. */
export interface CategoryCountsTables {
  example_category_counts: {
    category: string;
    events: number;
    last_position: string | number;
  };
}

export function categoryOf(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash === -1 ? streamName : streamName.slice(0, dash);
}

export function defineCategoryCountsProjection(
  overrides: Partial<Pick<Projection, 'name' | 'categories'>> = {},
): Projection<CategoryCountsTables> {
  return defineProjection<CategoryCountsTables>({
    name: 'example_category_counts',
    tables: ['example_category_counts'],
    migrations: [
      {
        name: '0001_create_example_category_counts',
        async up(db) {
          await db.schema
            .createTable('example_category_counts')
            .addColumn('category', 'varchar(100)', (col) => col.primaryKey())
            .addColumn('events', 'integer', (col) => col.notNull())
            .addColumn('last_position', 'bigint', (col) => col.notNull())
            .execute();
        },
      },
    ],
    async handle(event, trx) {
      const category = categoryOf(event.streamName);
      // Read-then-write is safe here: the runner's transaction holds the checkpoint lock.
      const row = await trx
        .selectFrom('example_category_counts')
        .select('events')
        .where('category', '=', category)
        .executeTakeFirst();
      const last_position = event.position.toString();
      if (row) {
        await trx
          .updateTable('example_category_counts')
          .set({ events: Number(row.events) + 1, last_position })
          .where('category', '=', category)
          .execute();
      } else {
        await trx
          .insertInto('example_category_counts')
          .values({ category, events: 1, last_position })
          .execute();
      }
    },
    ...overrides,
  });
}

export async function readCategoryCounts(db: Kysely<CategoryCountsTables>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('example_category_counts').select(['category', 'events']).execute();
  return Object.fromEntries(rows.map((row) => [row.category, Number(row.events)]));
}
