import { parseQuizEvent, quizStreamCategory } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';

const pageSize = 500;

/**
 * Which quizzes each course has, caught up from the `quiz` category of the event store on every
 * question: each read only fetches the quiz events appended since the last one, and a quiz drafted
 * by another process shows up as soon as it is committed, with no table or projection to keep.
 */
export class CourseQuizIndex {
  private after: bigint | undefined;
  private readonly byCourse = new Map<string, string[]>();
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  async quizIdsOf(courseId: string): Promise<string[]> {
    // One catch-up at a time: concurrent readers share it instead of reading the same pages twice.
    this.catchingUp = this.catchingUp.catch(() => undefined).then(() => this.catchUp());
    await this.catchingUp;
    return [...(this.byCourse.get(courseId) ?? [])];
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({
        categories: [quizStreamCategory],
        maxCount: pageSize,
        ...(this.after === undefined ? {} : { after: this.after }),
      });
      for (const recorded of page) {
        if (recorded.type === 'QuizDrafted') {
          const event = parseQuizEvent(recorded.type, recorded.data);
          if (event?.type === 'QuizDrafted') {
            const ids = this.byCourse.get(event.data.courseId) ?? [];
            if (!ids.includes(event.data.quizId)) ids.push(event.data.quizId);
            this.byCourse.set(event.data.courseId, ids);
          }
        }
        this.after = recorded.position;
      }
      if (page.length < pageSize) return;
    }
  }
}

const indexes = new WeakMap<EventStore, CourseQuizIndex>();

export function courseQuizIndex(store: EventStore): CourseQuizIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new CourseQuizIndex(store);
    indexes.set(store, index);
  }
  return index;
}
