import { defineApp } from '@quizbook/platform';
import { BffWebModule } from './bff-web.module';
import { configureEdge } from './edge/configure-edge';

export const bffWebApp = defineApp({
  name: 'bff-web',
  module: BffWebModule,
  uses: ['cache'],
  configure: configureEdge,
});
