import { Readiness } from './readiness';

describe('readiness', () => {
  it('is ready when every check answers, listing each with its details', async () => {
    const readiness = new Readiness('course');
    readiness.add('eventStore', async () => undefined);
    readiness.add('projection:catalog', async () => ({ checkpoint: '42' }));
    expect(await readiness.report()).toEqual({
      status: 'ready',
      app: 'course',
      shuttingDown: false,
      checks: { eventStore: { status: 'up' }, 'projection:catalog': { status: 'up', checkpoint: '42' } },
    });
  });

  it('names the failing dependency, without passwords', async () => {
    const readiness = new Readiness('course');
    readiness.add('eventStore', async () => undefined);
    readiness.add('readDb', () => Promise.reject(new Error('cannot reach mysql://app:s3cret@db:3306/read')));
    const report = await readiness.report();
    expect(report.status).toBe('not-ready');
    expect(report.checks.readDb).toEqual({
      status: 'down',
      error: 'cannot reach mysql://app:***@db:3306/read',
    });
    expect(report.checks.eventStore?.status).toBe('up');
  });

  it('is not ready once shutting down, even with every dependency up', async () => {
    const readiness = new Readiness('user');
    readiness.add('bus', async () => undefined);
    readiness.markShuttingDown();
    expect(await readiness.report()).toMatchObject({ status: 'not-ready', shuttingDown: true });
  });
});
