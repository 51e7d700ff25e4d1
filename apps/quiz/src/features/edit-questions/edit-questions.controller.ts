import { Body, Controller, Delete, Headers, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { validationFailed, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import { findBankEntry } from '../../domain/question-bank/question-bank.decider';
import { BankQuestionNotFoundError } from '../../domain/question-bank/question-bank-errors';
import { authoringStreams } from '../../http/authoring-streams';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import {
  addQuestionBody,
  replaceQuestionBody,
  type AddQuestionBody,
  type ReplaceQuestionBody,
} from './edit-questions.dto';
import { quizStep } from '../../http/quiz-step';

@Roles('instructor', 'admin')
@Controller('quizzes')
export class EditQuestionsController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /**
   * A question from the bank is copied: later edits of the bank question leave the quiz alone.
   * The bank is the caller's own.
   */
  @Post(':quizId/questions')
  add(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(addQuestionBody)) body: AddQuestionBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return quizStep(
      this.services,
      caller,
      quizId,
      async () => {
        if (body.question) return { type: 'AddQuestion', quizId, question: body.question };
        const bankQuestionId = body.bankQuestionId!;
        const bank = await authoringStreams(this.services).banks.load(caller.userId);
        const entry = findBankEntry(bank.state, bankQuestionId);
        if (!entry) throw new BankQuestionNotFoundError(caller.userId, bankQuestionId);
        const question = { ...entry.question, questionId: body.questionId ?? entry.question.questionId };
        return { type: 'AddQuestion', quizId, question, bankQuestionId };
      },
      ifMatch,
      reply,
    );
  }

  /** Replaces the whole question; its id is the one in the path. */
  @Put(':quizId/questions/:questionId')
  replace(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Param('questionId') questionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(replaceQuestionBody)) body: ReplaceQuestionBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (body.question.questionId !== questionId)
      throw validationFailed([
        { field: 'question.questionId', message: `must be ${questionId}, as in the path` },
      ]);
    return quizStep(
      this.services,
      caller,
      quizId,
      () => ({ type: 'EditQuestion', quizId, question: body.question }),
      ifMatch,
      reply,
    );
  }

  @Delete(':quizId/questions/:questionId')
  @HttpCode(200)
  remove(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Param('questionId') questionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return quizStep(
      this.services,
      caller,
      quizId,
      () => ({ type: 'RemoveQuestion', quizId, questionId }),
      ifMatch,
      reply,
    );
  }
}
