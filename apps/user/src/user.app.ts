import { defineApp } from '@quizbook/platform';
import { UserModule } from './user.module';

export const userApp = defineApp({
  name: 'user',
  module: UserModule,
  uses: ['eventStore', 'bus'],
});
