import {
  courseEventContracts,
  courseStreamName,
  parseCourseEvent,
  type CourseEvent,
} from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import { courseDecider, type CourseCommand, type CourseState } from '../domain/course/course.decider';
import { EventSourcedStreams } from '@quizbook/platform';
import type { KeyedMutex } from '@quizbook/platform';

export type CourseStreams = EventSourcedStreams<CourseState, CourseCommand, CourseEvent>;

export function courseStreams(store: EventStore, mutex: KeyedMutex): CourseStreams {
  return new EventSourcedStreams(
    store,
    mutex,
    {
      ...courseDecider,
      parse: parseCourseEvent,
      validate: (event) => courseEventContracts[event.type].parse(event.data),
    },
    courseStreamName,
  );
}
