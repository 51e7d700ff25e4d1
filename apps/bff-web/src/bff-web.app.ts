import { defineApp } from '@quizbook/platform';
import { BffWebModule } from './bff-web.module';
import { configureEdge } from './edge/configure-edge';
import { startLiveChannel } from './live/start-live-channel';

export const bffWebApp = defineApp({
  name: 'bff-web',
  module: BffWebModule,
  // The bus carries live messages from quiz-result to whichever instance holds the user's socket.
  uses: ['cache', 'bus'],
  configure: configureEdge,
  onStart: startLiveChannel,
});
