import { parseUserEvent, userStreamCategory } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import { alreadyApplied, positionColumn } from '../../applied-position';
import type { DirectoryTables } from './directory.tables';

/** Display names for scoreboards and digests, and the instructor's email for the digest. */
export const usersProjection = defineProjection<DirectoryTables>({
  name: 'quiz_result_users',
  categories: [userStreamCategory],
  tables: ['qr_users'],
  migrations: [
    {
      name: '0001_create_qr_users',
      async up(db) {
        await db.schema
          .createTable('qr_users')
          .addColumn('user_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('name', 'varchar(255)', (col) => col.notNull())
          .addColumn('email', 'varchar(320)')
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseUserEvent(event.type, event.data);
    if (parsed?.type !== 'UserRegistered' && parsed?.type !== 'ProfileChanged') return;
    const userId = parsed.data.userId;
    const row = await trx
      .selectFrom('qr_users')
      .select('last_position')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (alreadyApplied(row?.last_position, event.position)) return;
    const last_position = positionColumn(event.position);
    if (parsed.type === 'UserRegistered') {
      if (row) return;
      await trx
        .insertInto('qr_users')
        .values({ user_id: userId, name: parsed.data.name, email: parsed.data.email, last_position })
        .execute();
      return;
    }
    if (!row) return;
    await trx
      .updateTable('qr_users')
      .set({ name: parsed.data.name, last_position })
      .where('user_id', '=', userId)
      .execute();
  },
});
