import type { FastifyRequest } from 'fastify';

/** The caller's bearer token, forwarded so the service checks who is asking itself. */
export function callerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}
