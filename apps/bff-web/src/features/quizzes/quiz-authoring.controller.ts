import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { QuizServiceClient } from '../../upstream/quiz-service.client';
import { PathParams, relayUnderApiFor, segment } from './quiz-relay';
import {
  addQuestionBody,
  editQuizBody,
  idParams,
  ifMatchHeader,
  quizEtagHeader,
  quizPublished,
  quizQuestionParams,
  quizView,
  replaceQuestionBody,
  type AddQuestionBody,
  type EditQuizBody,
  type IdParams,
  type QuizQuestionParams,
  type ReplaceQuestionBody,
} from './quiz.schemas';

/**
 * One quiz: read by its owner (working copy) or an enrolled learner (published, without answers);
 * edited, published and archived by its owner or an admin. The quiz service decides who is who.
 */
@ApiTags('quizzes')
@Controller('api/quizzes')
export class QuizAuthoringController {
  constructor(@Inject(QuizServiceClient) private readonly quizzes: QuizServiceClient) {}

  @Get(':id')
  @PathParams('id')
  @BearerRoute({
    summary:
      'A quiz: the working copy with answer keys for its owner, the published questions without answers for an enrolled learner',
    success: { status: 200, description: 'The quiz', body: quizView, headers: quizEtagHeader },
    problems: [400, 404],
  })
  async one(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'GET',
      path: `/quizzes/${segment(params.id)}`,
    });
  }

  @Patch(':id')
  @Roles('instructor', 'admin')
  @PathParams('id')
  @BearerRoute({
    summary: "Change a quiz's title or settings (owner, admin) at the version named by If-Match",
    requestBody: editQuizBody,
    requestHeaders: ifMatchHeader(true),
    success: { status: 200, description: 'The edited quiz', body: quizView, headers: quizEtagHeader },
    problems: [403, 404, 409, 412, 428],
  })
  async edit(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(editQuizBody)) body: EditQuizBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'PATCH',
      path: `/quizzes/${segment(params.id)}`,
      body,
      headers: { 'if-match': ifMatch },
    });
  }

  @Post(':id/questions')
  @Roles('instructor', 'admin')
  @PathParams('id')
  @BearerRoute({
    summary: 'Add a question to the working copy: a new one, or a copy of one from your question bank',
    requestBody: addQuestionBody,
    requestHeaders: ifMatchHeader(false),
    success: {
      status: 201,
      description: 'The quiz with the question',
      body: quizView,
      headers: quizEtagHeader,
    },
    problems: [403, 404, 409, 412],
  })
  async addQuestion(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(addQuestionBody)) body: AddQuestionBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: `/quizzes/${segment(params.id)}/questions`,
      body,
      headers: { 'if-match': ifMatch },
    });
  }

  @Put(':id/questions/:questionId')
  @Roles('instructor', 'admin')
  @PathParams('id', 'questionId')
  @BearerRoute({
    summary: 'Replace a question of the working copy (published versions stay as they were)',
    requestBody: replaceQuestionBody,
    requestHeaders: ifMatchHeader(false),
    success: {
      status: 200,
      description: 'The quiz with the edited question',
      body: quizView,
      headers: quizEtagHeader,
    },
    problems: [403, 404, 409, 412],
  })
  async replaceQuestion(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(quizQuestionParams)) params: QuizQuestionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(replaceQuestionBody)) body: ReplaceQuestionBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'PUT',
      path: `/quizzes/${segment(params.id)}/questions/${segment(params.questionId)}`,
      body,
      headers: { 'if-match': ifMatch },
    });
  }

  @Delete(':id/questions/:questionId')
  @Roles('instructor', 'admin')
  @PathParams('id', 'questionId')
  @BearerRoute({
    summary: 'Remove a question from the working copy',
    requestHeaders: ifMatchHeader(false),
    success: {
      status: 200,
      description: 'The quiz without the question',
      body: quizView,
      headers: quizEtagHeader,
    },
    problems: [400, 403, 404, 409, 412],
  })
  async removeQuestion(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(quizQuestionParams)) params: QuizQuestionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'DELETE',
      path: `/quizzes/${segment(params.id)}/questions/${segment(params.questionId)}`,
      headers: { 'if-match': ifMatch },
    });
  }

  @Post(':id/publish')
  @Roles('instructor', 'admin')
  @PathParams('id')
  @BearerRoute({
    summary: 'Publish the working copy as the next version (owner, admin); attempts start on it from now on',
    requestHeaders: ifMatchHeader(false),
    success: { status: 200, description: 'Published', body: quizPublished, headers: quizEtagHeader },
    problems: [400, 403, 404, 409, 412],
  })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: `/quizzes/${segment(params.id)}/publish`,
      headers: { 'if-match': ifMatch },
    });
  }

  @Post(':id/archive')
  @Roles('instructor', 'admin')
  @PathParams('id')
  @BearerRoute({
    summary: 'Archive a quiz (owner, admin): no new attempts; started ones may still be submitted',
    requestHeaders: ifMatchHeader(false),
    success: { status: 200, description: 'Archived', body: quizView, headers: quizEtagHeader },
    problems: [400, 403, 404, 409, 412],
  })
  async archive(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: `/quizzes/${segment(params.id)}/archive`,
      headers: { 'if-match': ifMatch },
    });
  }
}
