import { defineApp } from '@quizbook/platform';
import { CourseModule } from './course.module';

export const courseApp = defineApp({
  name: 'course',
  module: CourseModule,
  uses: ['eventStore', 'bus', 'readDb'],
});
