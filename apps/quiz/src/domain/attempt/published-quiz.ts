import type { QuizEvent, QuizPublishedData } from '@quizbook/contracts';

/**
 * What attempts need of a quiz: its frozen published versions and whether it is archived. Folded
 * from the `quiz-<id>` stream directly (not from the authoring decider), so attempts depend only on
 * the contract: the working copy and its edits are none of their business.
 */
export interface PublishedQuiz {
  quizId: string;
  courseId: string;
  ownerId: string;
  archived: boolean;
  /** By version number. */
  versions: ReadonlyMap<number, QuizPublishedData>;
  /** The version new attempts start on; undefined while never published. */
  latest?: QuizPublishedData;
}

export function evolvePublishedQuiz(
  state: PublishedQuiz | undefined,
  event: QuizEvent,
): PublishedQuiz | undefined {
  if (event.type === 'QuizDrafted') {
    const { quizId, courseId, ownerId } = event.data;
    return { quizId, courseId, ownerId, archived: false, versions: new Map() };
  }
  if (!state) return state;
  switch (event.type) {
    case 'QuizPublished': {
      const versions = new Map(state.versions);
      versions.set(event.data.version, event.data);
      const latest = !state.latest || event.data.version >= state.latest.version ? event.data : state.latest;
      return { ...state, versions, latest };
    }
    case 'QuizArchived':
      return { ...state, archived: true };
    default:
      return state;
  }
}

export const foldPublishedQuiz = (events: readonly QuizEvent[]): PublishedQuiz | undefined =>
  events.reduce<PublishedQuiz | undefined>(evolvePublishedQuiz, undefined);
