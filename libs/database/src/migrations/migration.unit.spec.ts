import {
  assertValidMigrationList,
  InvalidMigrationsError,
  type Migration,
  migrationTablesFor,
} from './migration';

const migration = (name: string): Migration => ({ name, up: async () => undefined });

describe('migration lists', () => {
  it('gives every owner its own migration and lock tables', () => {
    expect(migrationTablesFor('course')).toEqual({
      migrationTable: 'kysely_migration_course',
      lockTable: 'kysely_migration_lock_course',
    });
  });

  it('rejects owners that cannot name a table', () => {
    expect(() => migrationTablesFor('Course')).toThrow(InvalidMigrationsError);
    expect(() => migrationTablesFor('course-search')).toThrow(InvalidMigrationsError);
    expect(() => migrationTablesFor('a'.repeat(60))).toThrow(/too long/);
  });

  it('accepts names in ascending order', () => {
    expect(() =>
      assertValidMigrationList('course', [migration('0001_a'), migration('0002_b'), migration('0010_c')]),
    ).not.toThrow();
  });

  it('rejects a list whose order differs from the order Kysely would run it in', () => {
    expect(() => assertValidMigrationList('course', [migration('0002_b'), migration('0001_a')])).toThrow(
      /must sort after "0002_b"/,
    );
  });

  it('rejects duplicate and empty names', () => {
    expect(() => assertValidMigrationList('course', [migration('0001_a'), migration('0001_a')])).toThrow(
      /appears twice/,
    );
    expect(() => assertValidMigrationList('course', [migration('')])).toThrow(/empty name/);
  });
});
