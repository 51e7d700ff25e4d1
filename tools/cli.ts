/** `npm run cli -- users grant-role <email> <role>`: operator commands against EVENT_STORE_URL. */
import { openEventStore } from '@quizbook/eventstore';
import { exitOnConfigError, readSettings } from '@quizbook/platform';
import { runUserCli } from '../apps/user/src/cli/user-cli';

async function main(): Promise<void> {
  let settings;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
  const eventStore = await openEventStore(settings.EVENT_STORE_URL as string);
  try {
    process.exitCode = await runUserCli(process.argv.slice(2), eventStore, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  } finally {
    await eventStore.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
