import { Writable } from 'node:stream';
import { createLogger } from './create-logger';
import { NestLoggerAdapter } from './nest-logger.adapter';

function recorded() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const adapter = new NestLoggerAdapter(createLogger({ app: 'course', level: 'debug', destination }));
  return { lines, adapter };
}

describe("Nest's own logs", () => {
  it('come out as JSON lines of the app, with their context', () => {
    const { lines, adapter } = recorded();
    adapter.warn('deprecated option', 'FastifyAdapter');
    expect(lines[0]).toMatchObject({
      level: 'warn',
      app: 'course',
      context: 'FastifyAdapter',
      msg: 'deprecated option',
    });
  });

  it('keep start-up chatter at debug level', () => {
    const { lines, adapter } = recorded();
    adapter.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    adapter.log('a message worth seeing', 'CourseService');
    expect(lines.map((line) => line.level)).toEqual(['debug', 'info']);
  });

  it('keep the stack and context of errors', () => {
    const { lines, adapter } = recorded();
    adapter.error('handler failed', 'Error: x\n    at handler (a.ts:1:1)', 'ExceptionsHandler');
    adapter.error('no stack here', 'SomeContext');
    expect(lines[0]).toMatchObject({
      level: 'error',
      context: 'ExceptionsHandler',
      stack: expect.stringContaining('at handler'),
    });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'SomeContext', msg: 'no stack here' });
    expect(lines[1]).not.toHaveProperty('stack');
  });
});
