import type { Projection } from '@quizbook/database';
import { courseMembersProjection } from './features/directory/course-members.projection';
import { quizzesProjection } from './features/directory/quizzes.projection';
import { usersProjection } from './features/directory/users.projection';
import { liveFeedProjection, type LivePublisher } from './features/live-feed/live-feed.projection';
import { digestQueueProjection } from './features/score-digests/digest-queue.projection';
import { scoresProjection } from './features/scoreboards/scores.projection';

/**
 * The app's read models, each with its own checkpoint. The live feed publishes through `publish`;
 * without one (the rebuild tool) it restores its rows and pushes nothing.
 */
export function quizResultProjections(publish?: LivePublisher): Projection[] {
  // The live feed first: it subscribes first, so a grade reaches the bus before the other writes.
  return [
    liveFeedProjection(publish),
    quizzesProjection,
    courseMembersProjection,
    usersProjection,
    scoresProjection,
    digestQueueProjection,
  ];
}
