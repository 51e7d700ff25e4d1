import { runMigrations, type AnySqlDatabase, type Migration } from '@quizbook/database';

/** The course app's own table in the read database (ADR 0004: owner `course`). */
export interface IdempotencyTables {
  course_idempotency_keys: {
    learner_id: string;
    idempotency_key: string;
    request_hash: string;
    order_id: string;
    /** Null while the first request is still placing the order. */
    response_status: number | null;
    response_body: string | null;
    created_at: string;
  };
}

export const courseMigrations: readonly Migration[] = [
  {
    name: '0001_create_course_idempotency_keys',
    async up(db) {
      // The primary key is what makes two concurrent requests with one key race for one row.
      await db.schema
        .createTable('course_idempotency_keys')
        .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
        .addColumn('idempotency_key', 'varchar(200)', (col) => col.notNull())
        .addColumn('request_hash', 'varchar(64)', (col) => col.notNull())
        .addColumn('order_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('response_status', 'integer')
        .addColumn('response_body', 'text')
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addPrimaryKeyConstraint('course_idempotency_keys_pk', ['learner_id', 'idempotency_key'])
        .execute();
    },
  },
];

export async function migrateCourseTables(database: AnySqlDatabase): Promise<void> {
  await runMigrations(database, 'course', courseMigrations);
}
