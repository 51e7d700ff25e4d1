import { runMigrations, type AnySqlDatabase, type Migration } from '@quizbook/database';

/** Tables the user app owns in the read database (ADR 0004: its own migration history, owner `user`). */
export interface UserTables {
  user_signing_keys: {
    kid: string;
    private_key_pem: string;
    public_jwk: string;
    created_at: string;
    retired_at: string | null;
  };
  user_refresh_tokens: {
    token_hash: string;
    family_id: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
    revoked_at: string | null;
  };
}

// Timestamps are ISO-8601 strings of one fixed width: they compare correctly as text on both dialects.
export const userMigrations: readonly Migration[] = [
  {
    name: '0001_create_user_signing_keys',
    async up(db) {
      await db.schema
        .createTable('user_signing_keys')
        .addColumn('kid', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('private_key_pem', 'text', (col) => col.notNull())
        .addColumn('public_jwk', 'text', (col) => col.notNull())
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('retired_at', 'varchar(32)')
        .execute();
    },
  },
  {
    name: '0002_create_user_refresh_tokens',
    async up(db) {
      await db.schema
        .createTable('user_refresh_tokens')
        .addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('family_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('user_id', 'varchar(191)', (col) => col.notNull())
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('used_at', 'varchar(32)')
        .addColumn('revoked_at', 'varchar(32)')
        .execute();
    },
  },
  {
    name: '0003_index_user_refresh_tokens_family',
    async up(db) {
      await db.schema
        .createIndex('user_refresh_tokens_family_idx')
        .on('user_refresh_tokens')
        .column('family_id')
        .execute();
    },
  },
];

export async function migrateUserTables(database: AnySqlDatabase): Promise<void> {
  await runMigrations(database, 'user', userMigrations);
}
