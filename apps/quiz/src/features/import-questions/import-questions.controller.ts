import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import { answering } from '../../http/authoring-problems';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { importQuestionsBody, type ImportQuestionsBody } from './import-questions.dto';
import { importQuestions } from './import-questions';

@Controller('question-bank')
export class ImportQuestionsController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /** All rows or none: any bad row answers 422 `import-rejected` listing every row at fault. */
  @Roles('instructor', 'admin')
  @Post('imports')
  import(
    @CurrentPrincipal() caller: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(new ZodValidationPipe(importQuestionsBody)) body: ImportQuestionsBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      const { importId, imported, revision } = await importQuestions(
        this.services,
        caller,
        body,
        idempotencyKey,
      );
      if (revision >= 0n) reply.header('etag', etagOf(revision));
      return { importId, imported };
    });
  }
}
