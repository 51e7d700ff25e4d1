import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  authenticateHandshake,
  InvalidTokenError,
  type AccessTokenVerifier,
  type Principal,
} from '@quizbook/auth';
import {
  PROBLEM_CONTENT_TYPE,
  type ProblemError,
  statusTitle,
  unauthorized,
  validationFailed,
} from '@quizbook/platform';
import { afterParameterPattern } from './live-position';

export const livePath = '/api/live';

export interface Admission {
  principal: Principal;
  /** The position the client has seen up to, when it resumes; absent on a first connect. */
  after: string | undefined;
}

/** Why an upgrade is refused: answered as a plain HTTP problem, and the socket is never opened. */
export class HandshakeRefusal extends Error {
  override readonly name = 'HandshakeRefusal';
  constructor(
    readonly problem: ProblemError,
    readonly headers: Record<string, string> = {},
    /** For the log: `missing`, `expired`, `bad-after`... */
    readonly reason: string = problem.problem.type,
  ) {
    super(problem.message);
  }
}

// RFC 6750: the 401 names the scheme; `invalid_token` tells a client to refresh rather than log in again.
const realm = 'Bearer realm="quizbook"';

export function isLivePath(request: IncomingMessage): boolean {
  return new URL(request.url ?? '/', 'http://live.invalid').pathname === livePath;
}

/**
 * Checks an upgrade request to `/api/live` the way the guard checks a route: the token first (401
 * with no socket), then `?after=` (400 naming the field). Throws HandshakeRefusal.
 */
export async function admit(request: IncomingMessage, verifier: AccessTokenVerifier): Promise<Admission> {
  let principal: Principal;
  try {
    principal = await authenticateHandshake(request, verifier);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    if (error.reason === 'missing')
      throw new HandshakeRefusal(
        unauthorized('Authentication is required.'),
        { 'www-authenticate': realm },
        'missing',
      );
    throw new HandshakeRefusal(
      unauthorized('The access token is invalid or has expired.', { type: 'invalid-token' }),
      { 'www-authenticate': `${realm}, error="invalid_token"` },
      error.reason,
    );
  }
  const query = new URL(request.url ?? '/', 'http://live.invalid').searchParams;
  const after = query.get('after') ?? undefined;
  if (after !== undefined && !afterParameterPattern.test(after)) {
    throw new HandshakeRefusal(
      validationFailed([{ field: 'after', message: 'must be a decimal event-store position' }]),
      {},
      'bad-after',
    );
  }
  return { principal, after };
}

/** Writes a problem+json HTTP answer on the raw upgrade socket and closes it. */
export function refuseUpgrade(
  socket: Duplex,
  problem: ProblemError,
  headers: Record<string, string> = {},
): void {
  const { status } = problem.problem;
  const body = JSON.stringify(problem.problem);
  const lines = [
    `HTTP/1.1 ${status} ${statusTitle(status)}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  if (socket.writable) socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  else socket.destroy();
}
