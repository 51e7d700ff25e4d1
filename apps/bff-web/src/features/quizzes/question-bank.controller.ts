import { Body, Controller, Delete, Get, Headers, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { parseInput, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { QuizServiceClient } from '../../upstream/quiz-service.client';
import { PathParams, relayUnderApiFor, segment } from './quiz-relay';
import {
  bankQuestionBody,
  bankQuestionParams,
  bankView,
  idempotencyKey,
  ifMatchHeader,
  importAccepted,
  importQuestionsBody,
  replaceBankQuestionBody,
  type BankQuestionBody,
  type BankQuestionParams,
  type ImportQuestionsBody,
  type ReplaceBankQuestionBody,
} from './quiz.schemas';

const bankEtag = { etag: 'The bank stream revision, weak (`W/"3"`): send it as If-Match' };

/** The caller's own reusable questions; quizzes copy from it (`bankQuestionId`). */
@ApiTags('question bank')
@Controller('api/question-bank')
@Roles('instructor', 'admin')
export class QuestionBankController {
  constructor(@Inject(QuizServiceClient) private readonly quizzes: QuizServiceClient) {}

  @Get()
  @BearerRoute({
    summary: "The caller's question bank",
    success: { status: 200, description: 'The questions with their tags', body: bankView, headers: bankEtag },
    problems: [403],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'GET',
      path: '/question-bank',
    });
  }

  @Post('questions')
  @BearerRoute({
    summary: 'Add a question to your bank',
    requestBody: bankQuestionBody,
    requestHeaders: ifMatchHeader(false),
    success: { status: 201, description: 'The bank with the question', body: bankView, headers: bankEtag },
    problems: [403, 409, 412],
  })
  async add(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(bankQuestionBody)) body: BankQuestionBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: '/question-bank/questions',
      body,
      headers: { 'if-match': ifMatch },
    });
  }

  @Put('questions/:questionId')
  @PathParams('questionId')
  @BearerRoute({
    summary: 'Replace a question of your bank (quizzes that copied it keep their copy)',
    requestBody: replaceBankQuestionBody,
    requestHeaders: ifMatchHeader(false),
    success: {
      status: 200,
      description: 'The bank with the question replaced',
      body: bankView,
      headers: bankEtag,
    },
    problems: [403, 404, 412],
  })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(bankQuestionParams)) params: BankQuestionParams,
    @Body(new ZodValidationPipe(replaceBankQuestionBody)) body: ReplaceBankQuestionBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'PUT',
      path: `/question-bank/questions/${segment(params.questionId)}`,
      body,
      headers: { 'if-match': ifMatch },
    });
  }

  @Delete('questions/:questionId')
  @PathParams('questionId')
  @BearerRoute({
    summary: 'Remove a question from your bank',
    requestHeaders: ifMatchHeader(false),
    success: { status: 200, description: 'The bank without the question', body: bankView, headers: bankEtag },
    problems: [400, 403, 404, 412],
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(bankQuestionParams)) params: BankQuestionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'DELETE',
      path: `/question-bank/questions/${segment(params.questionId)}`,
      headers: { 'if-match': ifMatch },
    });
  }

  @Post('imports')
  @BearerRoute({
    summary:
      'Import questions from JSON or CSV, all or nothing: any invalid row answers 422 `import-rejected` ' +
      'with `rows: [{row, field, message}]` and stores none. A CSV file may also be posted as it is, ' +
      'with `Content-Type: text/csv`',
    requestBody: importQuestionsBody,
    requestHeaders: {
      'idempotency-key': {
        description: 'Retrying with the same key imports once and answers the first import',
      },
    },
    success: { status: 201, description: 'Imported', body: importAccepted },
    problems: [403, 409, 413, 422],
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(importQuestionsBody)) body: ImportQuestionsBody,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: '/question-bank/imports',
      body,
      headers: { 'idempotency-key': key === undefined ? undefined : parseInput(idempotencyKey, key) },
    });
  }
}
