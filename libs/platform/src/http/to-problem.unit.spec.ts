import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { WrongExpectedRevisionError } from '@quizbook/eventstore';
import { z } from 'zod';
import { conflict, notFound, ProblemError, validationFailed } from './problem-error';
import { toProblem } from './to-problem';
import { parseInput } from './zod-validation';

describe('mapping errors to problem details', () => {
  it('keeps a domain problem as thrown, with a stable type and the request path as instance', () => {
    const { problem, unexpected } = toProblem(
      conflict('That email is taken.', { type: 'email-taken' }),
      '/api/auth/register',
    );
    expect(problem).toEqual({
      type: 'urn:quizbook:problem:email-taken',
      title: 'Conflict',
      status: 409,
      detail: 'That email is taken.',
      instance: '/api/auth/register',
    });
    expect(unexpected).toBe(false);
  });

  it('derives the type from the status when none is given', () => {
    expect(toProblem(notFound('No such course.')).problem.type).toBe('urn:quizbook:problem:not-found');
  });

  it('carries extension members', () => {
    const error = new ProblemError({
      status: 412,
      detail: 'Stale version.',
      extensions: { currentVersion: 3 },
    });
    expect(toProblem(error).problem).toMatchObject({
      status: 412,
      currentVersion: 3,
      title: 'Precondition Failed',
    });
  });

  it('lists the offending fields of a validation problem', () => {
    const { problem } = toProblem(validationFailed([{ field: 'email', message: 'must be an email' }]));
    expect(problem).toMatchObject({
      type: 'urn:quizbook:problem:validation',
      status: 400,
      errors: [{ field: 'email', message: 'must be an email' }],
    });
  });

  it('turns failed input parsing into a validation problem naming each field by its path', () => {
    const schema = z.object({
      email: z.string().email(),
      items: z.array(z.object({ courseId: z.string() })),
    });
    let thrown: unknown;
    try {
      parseInput(schema, { email: 'nope', items: [{ courseId: 1 }] });
    } catch (error) {
      thrown = error;
    }
    const fields = toProblem(thrown).problem.errors?.map((error) => error.field);
    expect(fields).toEqual(['email', 'items.0.courseId']);
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x')).problem).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'Cannot GET /x',
    });
    expect(toProblem(new BadRequestException(['name should not be empty'])).problem.errors).toEqual([
      { field: '', message: 'name should not be empty' },
    ]);
  });

  it('maps a lost optimistic-concurrency race to 409', () => {
    const { problem } = toProblem(new WrongExpectedRevisionError('course-1', 3n, 4n));
    expect(problem).toMatchObject({ status: 409, type: 'urn:quizbook:problem:concurrent-modification' });
  });

  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'bad-request'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'payload-too-large'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'unsupported-media-type'],
  ])('maps Fastify request error %s to %i', (code, status, slug) => {
    const error = Object.assign(new Error('request refused'), {
      name: 'FastifyError',
      code,
      statusCode: status,
    });
    expect(toProblem(error).problem).toMatchObject({ status, type: `urn:quizbook:problem:${slug}` });
  });

  it('answers anything else with a generic 500 that leaks nothing, flagged for logging', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED mysql://root:pw@10.0.0.7'), {
      statusCode: 400,
    });
    const { problem, unexpected } = toProblem(error, '/api/orders');
    expect(unexpected).toBe(true);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|pw/);
  });

  it('hides the message of a 5xx HTTP exception too', () => {
    const { problem, unexpected } = toProblem(new HttpException('pool exhausted at db-3', 503));
    expect(problem).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(problem.detail).not.toContain('db-3');
    expect(unexpected).toBe(true);
  });
});
