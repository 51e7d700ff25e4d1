import { currentCorrelationId } from './correlation-context';

/** The header that carries the correlation id over HTTP and on bus messages. */
export const CORRELATION_HEADER = 'x-correlation-id';

interface Cause {
  id: string;
  metadata?: { correlationId?: unknown };
  headers?: Record<string, string>;
}

/**
 * Event metadata carrying the current correlation id, so a whole flow (request -> events -> messages)
 * can be followed in the logs. Given the event or message that caused this one, its correlation id
 * wins and its id becomes the causation id. An id already in `metadata` is kept.
 */
export function withCorrelation<M extends Record<string, unknown>>(
  metadata?: M,
  causedBy?: Cause,
): M & { correlationId?: string; causationId?: string } {
  const inherited = causedBy ? correlationIdOf(causedBy) : undefined;
  const correlationId =
    (metadata?.correlationId as string | undefined) ?? inherited ?? currentCorrelationId();
  return {
    ...(metadata ?? ({} as M)),
    ...(correlationId ? { correlationId } : {}),
    ...(causedBy && metadata?.causationId === undefined ? { causationId: causedBy.id } : {}),
  };
}

/** Bus message headers carrying the current correlation id (an id already present is kept). */
export function withCorrelationHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const correlationId = headers[CORRELATION_HEADER] ?? currentCorrelationId();
  return correlationId ? { ...headers, [CORRELATION_HEADER]: correlationId } : { ...headers };
}

/** The correlation id a recorded event or a received message carries, if any. */
export function correlationIdOf(source: Cause): string | undefined {
  const fromMetadata = source.metadata?.correlationId;
  if (typeof fromMetadata === 'string') return fromMetadata;
  return source.headers?.[CORRELATION_HEADER];
}
