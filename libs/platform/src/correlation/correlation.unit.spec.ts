import { acceptOrCreateCorrelationId, currentCorrelationId, runWithCorrelation } from './correlation-context';
import {
  CORRELATION_HEADER,
  correlationIdOf,
  withCorrelation,
  withCorrelationHeaders,
} from './with-correlation';

describe('correlation ids', () => {
  it('is undefined outside any request or message', () => {
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('follows async work started inside runWithCorrelation', async () => {
    const seen = await runWithCorrelation('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentCorrelationId();
    });
    expect(seen).toBe('req-1');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('keeps concurrent flows apart', async () => {
    const ids = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        runWithCorrelation(id, async () => {
          await new Promise((resolve) => setTimeout(resolve, 3 - id.charCodeAt(0) + 97));
          return currentCorrelationId();
        }),
      ),
    );
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('puts the current id into event metadata and bus headers', () => {
    runWithCorrelation('req-2', () => {
      expect(withCorrelation({ userId: 'u1' })).toEqual({ userId: 'u1', correlationId: 'req-2' });
      expect(withCorrelationHeaders({ 'x-tenant': 't' })).toEqual({
        'x-tenant': 't',
        [CORRELATION_HEADER]: 'req-2',
      });
    });
  });

  it('keeps an id already present', () => {
    runWithCorrelation('req-3', () => {
      expect(withCorrelation({ correlationId: 'earlier' }).correlationId).toBe('earlier');
      expect(withCorrelationHeaders({ [CORRELATION_HEADER]: 'earlier' })[CORRELATION_HEADER]).toBe('earlier');
    });
  });

  it('continues the flow of the event or message that caused the new one', () => {
    const event = { id: 'evt-1', metadata: { correlationId: 'flow-1' } };
    expect(runWithCorrelation('other', () => withCorrelation({}, event))).toEqual({
      correlationId: 'flow-1',
      causationId: 'evt-1',
    });
    const message = { id: 'msg-1', headers: { [CORRELATION_HEADER]: 'flow-2' } };
    expect(correlationIdOf(message)).toBe('flow-2');
  });

  it('adds nothing when there is no flow to follow', () => {
    expect(withCorrelation({ a: 1 })).toEqual({ a: 1 });
    expect(withCorrelationHeaders()).toEqual({});
  });

  it('accepts a sane caller id and replaces anything else', () => {
    expect(acceptOrCreateCorrelationId('abc-123')).toBe('abc-123');
    expect(acceptOrCreateCorrelationId(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'has space', 'line\nbreak', 'x'.repeat(200)]) {
      expect(acceptOrCreateCorrelationId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
