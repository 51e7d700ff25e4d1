import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface CorrelationContext {
  correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

/** Runs `fn` with `correlationId` as the current one: for HTTP requests, consumed messages and events. */
export function runWithCorrelation<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function newCorrelationId(): string {
  return randomUUID();
}

// A client-chosen id ends up in every log line: refuse anything that could forge or bloat one.
const acceptableId = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's id when it is a sane token, otherwise a fresh one. */
export function acceptOrCreateCorrelationId(candidate: unknown): string {
  const value = Array.isArray(candidate) ? candidate[0] : candidate;
  return typeof value === 'string' && acceptableId.test(value) ? value : newCorrelationId();
}
