import { defineProjection, type Projection } from './projection';
import { selectProjections } from './select-projections';

const projection = (name: string): Projection =>
  defineProjection({ name, tables: [], migrations: [], handle: async () => undefined });
const courses = projection('course_catalog');
const results = projection('quiz_results');
const names = (selection: ReturnType<typeof selectProjections>) =>
  selection.kind === 'rebuild' ? selection.projections.map((p) => p.name) : selection;

describe('choosing projections to rebuild', () => {
  it('says clearly that there is nothing to do when no projection is registered', () => {
    expect(selectProjections(['--all'], [])).toEqual({
      kind: 'nothing',
      message: 'no projections registered: nothing to rebuild',
    });
    expect(selectProjections([], []).kind).toBe('nothing');
  });

  it('rebuilds every registered projection with --all, in registration order', () => {
    expect(names(selectProjections(['--all'], [courses, results]))).toEqual([
      'course_catalog',
      'quiz_results',
    ]);
  });

  it('rebuilds only the named projections', () => {
    expect(names(selectProjections(['quiz_results'], [courses, results]))).toEqual(['quiz_results']);
  });

  it('refuses to guess: no argument, unknown names and unknown options are usage errors', () => {
    expect(selectProjections([], [courses])).toMatchObject({ kind: 'usage-error', message: /--all/ });
    expect(selectProjections(['nope'], [courses])).toMatchObject({
      kind: 'usage-error',
      message: 'unknown projection nope (registered: course_catalog)',
    });
    expect(selectProjections(['nope'], [])).toMatchObject({ message: /no projections registered/ });
    expect(selectProjections(['--force'], [courses])).toMatchObject({ kind: 'usage-error' });
    expect(selectProjections(['--all', 'course_catalog'], [courses])).toMatchObject({ kind: 'usage-error' });
  });
});
