import type { DirectoryTables } from './features/directory/directory.tables';
import type { LiveFeedTables } from './features/live-feed/live-feed.tables';
import type { DigestTables } from './features/score-digests/digest.tables';
import type { ScoresTables } from './features/scoreboards/scores.tables';

/** Every read-model table of the app: queries that join across features type against this. */
export type QuizResultTables = DirectoryTables & ScoresTables & LiveFeedTables & DigestTables;
