import { StaleRevisionError, TooManyConflictsError } from '../event-sourcing/event-sourced-streams';
import { answeringWith, concurrencyProblem } from './concurrency-problems';
import { notFound, ProblemError } from './problem-error';

describe('concurrencyProblem', () => {
  it('answers a stale If-Match 412 stale-version, in the app words, with the ETag to reload from', () => {
    const problem = concurrencyProblem(new StaleRevisionError('quiz-q1', 4n), 'The quiz changed; reload it.');
    expect(problem?.problem).toMatchObject({
      status: 412,
      type: 'urn:quizbook:problem:stale-version',
      detail: 'The quiz changed; reload it.',
      currentETag: 'W/"4"',
    });
  });

  it('answers writers that kept losing their retries 409 concurrent-modification', () => {
    expect(concurrencyProblem(new TooManyConflictsError('gave up'), 'unused')?.problem).toMatchObject({
      status: 409,
      type: 'urn:quizbook:problem:concurrent-modification',
      detail: 'Too many concurrent changes; retry.',
    });
  });

  it('leaves any other error alone', () => {
    expect(concurrencyProblem(new Error('disk full'), 'unused')).toBeUndefined();
  });
});

describe('answeringWith', () => {
  const refused = notFound('There is no such thing.');
  const answering = answeringWith((error) =>
    error instanceof Error && error.message === 'missing' ? refused : error,
  );

  it('passes what the work answers through', async () => {
    await expect(answering(async () => 42)).resolves.toBe(42);
  });

  it('throws what the work fails with as its mapper maps it', async () => {
    const failing = answering(() => Promise.reject(new Error('missing')));
    await expect(failing).rejects.toBe(refused);
    await expect(failing).rejects.toBeInstanceOf(ProblemError);
  });
});
