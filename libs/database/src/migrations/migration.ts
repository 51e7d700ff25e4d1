import type { Kysely } from 'kysely';

/**
 * One schema change of one owner (an app or a projection). Owners keep their list in code, so a
 * deploy carries exactly the schema its code expects.
 */
export interface Migration {
  /** Stored in the owner's migration table: never rename one that has run anywhere. */
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema
  up(db: Kysely<any>): Promise<void>;
}

export class InvalidMigrationsError extends Error {
  override readonly name = 'InvalidMigrationsError';
}

/** Kysely's migration tables are shared by name, so each owner gets its own pair. */
export interface MigrationTables {
  migrationTable: string;
  lockTable: string;
}

const ownerPattern = /^[a-z][a-z0-9_]*$/;
// MySQL rejects identifiers longer than 64 characters.
const maxIdentifierLength = 64;

export function migrationTablesFor(owner: string): MigrationTables {
  if (!ownerPattern.test(owner)) {
    throw new InvalidMigrationsError(
      `migration owner "${owner}" must be lower-case letters, digits and underscores, starting with a letter`,
    );
  }
  const tables = { migrationTable: `kysely_migration_${owner}`, lockTable: `kysely_migration_lock_${owner}` };
  if (tables.lockTable.length > maxIdentifierLength) {
    throw new InvalidMigrationsError(`migration owner "${owner}" is too long for a table name`);
  }
  return tables;
}

/**
 * Kysely's Migrator runs migrations sorted by name, whatever order the list has. Requiring the list to
 * be sorted already makes the order in the code the order that runs, and catches a misnamed migration
 * before it runs out of order.
 */
export function assertValidMigrationList(owner: string, migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  let previous: string | undefined;
  for (const migration of migrations) {
    if (!migration.name) throw new InvalidMigrationsError(`${owner}: a migration has an empty name`);
    if (seen.has(migration.name)) {
      throw new InvalidMigrationsError(`${owner}: migration "${migration.name}" appears twice`);
    }
    if (previous !== undefined && !(previous < migration.name)) {
      throw new InvalidMigrationsError(
        `${owner}: migration "${migration.name}" must sort after "${previous}" (prefix names with 0001_, 0002_, ...)`,
      );
    }
    seen.add(migration.name);
    previous = migration.name;
  }
}
