import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf, optionalIfMatch, validationFailed, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { QuestionBankCommand } from '../../domain/question-bank/question-bank.decider';
import { answering } from '../../http/authoring-problems';
import { authoringStreams } from '../../http/authoring-streams';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import {
  addBankQuestionBody,
  replaceBankQuestionBody,
  type AddBankQuestionBody,
  type ReplaceBankQuestionBody,
} from './question-bank.dto';
import { questionBankViewOf } from './question-bank-view';

/** The caller's own question bank (`questionbank-<userId>`): nobody else's is reachable here. */
@Roles('instructor', 'admin')
@Controller('question-bank')
export class QuestionBankController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  @Get()
  async view(@CurrentPrincipal() caller: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const { state, revision } = await authoringStreams(this.services).banks.load(caller.userId);
    reply.header('etag', etagOf(revision));
    return questionBankViewOf(caller.userId, state, revision);
  }

  @Post('questions')
  add(
    @CurrentPrincipal() caller: Principal,
    @Body(new ZodValidationPipe(addBankQuestionBody)) body: AddBankQuestionBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.step(
      caller,
      { type: 'AddBankQuestion', ownerId: caller.userId, question: body.question, tags: body.tags },
      ifMatch,
      reply,
    );
  }

  /** Replaces the whole question; quizzes that copied it keep their copy. */
  @Put('questions/:questionId')
  replace(
    @CurrentPrincipal() caller: Principal,
    @Param('questionId') questionId: string,
    @Body(new ZodValidationPipe(replaceBankQuestionBody)) body: ReplaceBankQuestionBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (body.question.questionId !== questionId)
      throw validationFailed([
        { field: 'question.questionId', message: `must be ${questionId}, as in the path` },
      ]);
    return this.step(
      caller,
      { type: 'EditBankQuestion', ownerId: caller.userId, question: body.question },
      ifMatch,
      reply,
    );
  }

  @Delete('questions/:questionId')
  @HttpCode(200)
  remove(
    @CurrentPrincipal() caller: Principal,
    @Param('questionId') questionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.step(
      caller,
      { type: 'RemoveBankQuestion', ownerId: caller.userId, questionId },
      ifMatch,
      reply,
    );
  }

  private step(
    caller: Principal,
    command: QuestionBankCommand,
    ifMatch: string | undefined,
    reply: FastifyReply,
  ) {
    return answering(async () => {
      const expected = optionalIfMatch(ifMatch);
      const handled = await authoringStreams(this.services).banks.handle(
        caller.userId,
        command,
        expected === undefined ? {} : { ifMatch: expected },
      );
      reply.header('etag', etagOf(handled.revision));
      return questionBankViewOf(caller.userId, handled.state, handled.revision);
    });
  }
}
