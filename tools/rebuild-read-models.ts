/**
 * `node dist/tools/rebuild-read-models.js [projection-name ...|--all]`: empties the named read
 * models and replays the event store into them, with a progress bar on stderr. Stop the apps that
 * run these projections first: readers see a partial read model until the replay ends.
 *
 * EVENT_STORE_URL (default sqlite:./data/events.db), READ_DB_URL (default sqlite:./data/read.db).
 */
import { Presets, SingleBar } from 'cli-progress';
import {
  listProjections,
  openSqlDatabase,
  type Projection,
  rebuildFraction,
  rebuildProjection,
  type RebuildProgress,
  redactUrl,
  selectProjections,
} from '@quizbook/database';
import { openEventStore } from '@quizbook/eventstore';
// Projections register themselves when their module is imported: import each app's projection
// module here as the apps gain read models.
import '../apps/projection/src/projections/register-read-models';
import '../apps/quiz-result/src/register-quiz-result-read-models';

const usage = 'usage: rebuild-read-models [projection-name ...|--all]';
// cli-progress counts in integers; positions can exceed what a bar should count in.
const barScale = 1000;

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${usage}\n`);
    return 0;
  }
  const selection = selectProjections(args, listProjections());
  if (selection.kind === 'nothing') {
    process.stderr.write(`${selection.message}\n`);
    return 0;
  }
  if (selection.kind === 'usage-error') {
    process.stderr.write(`${selection.message}\n${usage}\n`);
    return 2;
  }

  const eventStoreUrl = process.env.EVENT_STORE_URL || 'sqlite:./data/events.db';
  const readDbUrl = process.env.READ_DB_URL || 'sqlite:./data/read.db';
  process.stderr.write(`replaying ${redactUrl(eventStoreUrl)} into ${redactUrl(readDbUrl)}\n`);
  const eventStore = await openEventStore(eventStoreUrl);
  try {
    const database = await openSqlDatabase(readDbUrl);
    try {
      for (const projection of selection.projections) {
        await rebuildWithProgressBar(projection, (options) =>
          rebuildProjection(projection, { eventStore, database, ...options }),
        );
      }
    } finally {
      await database.close();
    }
  } finally {
    await eventStore.close();
  }
  return 0;
}

async function rebuildWithProgressBar(
  projection: Projection,
  rebuild: (options: { onProgress(progress: RebuildProgress): void }) => Promise<{ processed: number }>,
): Promise<void> {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${projection.name} [{bar}] {percentage}% | {processed} events | position {position} of {head}`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const payload = (progress: RebuildProgress) => ({
    processed: progress.processed,
    position: String(progress.position),
    head: String(progress.headPosition),
  });
  let started = false;
  const startedAt = Date.now();
  try {
    const { processed } = await rebuild({
      onProgress(progress) {
        const value = Math.round(rebuildFraction(progress) * barScale);
        if (!started) bar.start(barScale, value, payload(progress));
        else bar.update(value, payload(progress));
        started = true;
      },
    });
    bar.stop();
    // The bar draws nothing when stderr is not a terminal (CI, logs): the summary line always shows.
    process.stderr.write(
      `${projection.name}: rebuilt from ${processed} events in ${Date.now() - startedAt} ms\n`,
    );
  } catch (error) {
    bar.stop();
    throw new Error(
      `rebuild of ${projection.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
