import type { Migration } from '@quizbook/database';

export const catalogMigrations: readonly Migration[] = [
  {
    name: '0001_create_catalog_courses',
    async up(db) {
      await db.schema
        .createTable('catalog_courses')
        .addColumn('course_id', 'varchar(191)', (col) => col.primaryKey())
        .addColumn('owner_id', 'varchar(191)', (col) => col.notNull())
        .addColumn('title', 'varchar(200)', (col) => col.notNull())
        .addColumn('description', 'text', (col) => col.notNull())
        .addColumn('tags', 'text', (col) => col.notNull())
        .addColumn('level', 'varchar(20)', (col) => col.notNull())
        .addColumn('price_cents', 'integer', (col) => col.notNull())
        .addColumn('currency', 'varchar(3)', (col) => col.notNull())
        .addColumn('capacity', 'integer', (col) => col.notNull())
        .addColumn('starts_at', 'varchar(40)', (col) => col.notNull())
        .addColumn('status', 'varchar(20)', (col) => col.notNull())
        .addColumn('reserved', 'integer', (col) => col.notNull())
        .addColumn('confirmed', 'integer', (col) => col.notNull())
        .addColumn('version', 'bigint', (col) => col.notNull())
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
    },
  },
  {
    name: '0002_create_catalog_seat_holds',
    async up(db) {
      await db.schema
        .createTable('catalog_seat_holds')
        .addColumn('course_id', 'varchar(191)', (col) => col.notNull())
        .addColumn('order_id', 'varchar(191)', (col) => col.notNull())
        .addColumn('status', 'varchar(20)', (col) => col.notNull())
        .addPrimaryKeyConstraint('catalog_seat_holds_pk', ['course_id', 'order_id'])
        .execute();
    },
  },
  {
    // Holds created before this column stay without a learner until the catalog is rebuilt.
    name: '0003_add_learner_to_catalog_seat_holds',
    async up(db) {
      await db.schema.alterTable('catalog_seat_holds').addColumn('learner_id', 'varchar(191)').execute();
      await db.schema
        .createIndex('catalog_seat_holds_by_learner')
        .on('catalog_seat_holds')
        .columns(['learner_id', 'course_id'])
        .execute();
    },
  },
];
