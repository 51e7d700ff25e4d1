import { Module } from '@nestjs/common';
import { AuthModule } from '@quizbook/auth';
import { LiveMessagesController } from './features/live-feed/live-messages.controller';
import { ProgressController } from './features/scoreboards/progress.controller';
import { ScoreboardController } from './features/scoreboards/scoreboard.controller';

/**
 * Scoreboards, course progress and the live feed, read from this app's own read models. Only
 * bearer tokens: bff-web forwards its caller's.
 */
@Module({
  imports: [AuthModule.forApp()],
  controllers: [ScoreboardController, ProgressController, LiveMessagesController],
})
export class QuizResultModule {}
