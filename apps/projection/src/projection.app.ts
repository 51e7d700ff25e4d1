import { defineApp } from '@quizbook/platform';
import { ProjectionModule } from './projection.module';
import { runRegisteredProjections } from './run-registered-projections';

export const projectionApp = defineApp({
  name: 'projection',
  module: ProjectionModule,
  uses: ['eventStore', 'readDb'],
  onStart: runRegisteredProjections,
});
