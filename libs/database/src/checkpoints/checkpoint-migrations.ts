import type { Migration } from '../migrations/migration';

export const checkpointsOwner = 'projection_checkpoints';

export const checkpointMigrations: readonly Migration[] = [
  {
    name: '0001_create_projection_checkpoints',
    async up(db) {
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('name', 'varchar(191)', (col) => col.primaryKey())
        // NULL: registered but nothing applied yet, so the consumer starts from the beginning.
        .addColumn('position', 'bigint')
        .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
        .execute();
    },
  },
];
