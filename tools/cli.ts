/**
 * Operator commands against EVENT_STORE_URL / READ_DB_URL:
 * `npm run cli -- users grant-role <email> <role>`, `npm run cli -- signing-keys rotate`.
 */
import { openSqlDatabase, type AnySqlDatabase } from '@quizbook/database';
import { openEventStore } from '@quizbook/eventstore';
import { exitOnConfigError, readSettings } from '@quizbook/platform';
import { runCli } from '../apps/user/src/cli/user-cli';

async function main(): Promise<void> {
  let settings;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
  const eventStore = await openEventStore(settings.EVENT_STORE_URL as string);
  let readDb: AnySqlDatabase | undefined;
  try {
    process.exitCode = await runCli(
      process.argv.slice(2),
      { eventStore, readDb: async () => (readDb ??= await openSqlDatabase(settings.READ_DB_URL as string)) },
      {
        out: (line) => process.stdout.write(`${line}\n`),
        err: (line) => process.stderr.write(`${line}\n`),
      },
    );
  } finally {
    await readDb?.close();
    await eventStore.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
