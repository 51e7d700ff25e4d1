import { registerProjection } from '@quizbook/database';
import { quizResultProjections } from './quiz-result-projections';

/**
 * For the rebuild tool only (tools/rebuild-read-models.ts imports it): the app itself runs its own
 * instances in onStart, because in `npm start` every app shares one process and the projection app
 * runs whatever is in the registry. The live feed registered here has no publisher, so a rebuild
 * restores rows without pushing old messages again.
 */
export function registerQuizResultReadModels(): void {
  for (const projection of quizResultProjections()) registerProjection(projection);
}

registerQuizResultReadModels();
