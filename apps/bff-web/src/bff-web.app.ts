import { defineApp } from '@quizbook/platform';
import { BffWebModule } from './bff-web.module';

export const bffWebApp = defineApp({
  name: 'bff-web',
  module: BffWebModule,
  uses: [],
});
