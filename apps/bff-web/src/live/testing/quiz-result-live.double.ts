import type { LiveMessage } from '@quizbook/contracts';
import Fastify, { type FastifyInstance } from 'fastify';

interface StoredLiveMessage {
  userId: string;
  message: LiveMessage;
}

/**
 * Stands in for quiz-result's `GET /live/messages?after=&limit=` over real HTTP: answers the token's
 * user their stored messages after `after`, ascending, at most `limit`. `holdNextPage()` parks the
 * next answer until the spec releases it, so a spec can publish on the bus while the backlog is in
 * flight; `failWith()` makes it answer an error.
 */
export class QuizResultLiveDouble {
  readonly #stored: StoredLiveMessage[] = [];
  readonly requests: { userId: string; after: string; limit: number }[] = [];
  #hold: { reached: () => void; released: Promise<void> } | undefined;
  #failure: number | undefined;
  #server: FastifyInstance | undefined;
  url = '';

  store(userId: string, ...messages: LiveMessage[]): void {
    for (const message of messages) this.#stored.push({ userId, message });
  }

  /** Resolves once the next page request arrives; that request waits for `release()`. */
  holdNextPage(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#hold = { reached, released };
    return { reached: arrived, release };
  }

  failWith(status: number | undefined): void {
    this.#failure = status;
  }

  async start(): Promise<void> {
    const server = Fastify();
    server.get<{ Querystring: { after?: string; limit?: string } }>(
      '/live/messages',
      async (request, reply) => {
        const userId = subjectOf(request.headers.authorization);
        if (!userId) return reply.code(401).type('application/problem+json').send({ status: 401 });
        const after = BigInt(request.query.after ?? '0');
        const limit = Number(request.query.limit ?? '500');
        this.requests.push({ userId, after: after.toString(), limit });
        const hold = this.#hold;
        if (hold) {
          this.#hold = undefined;
          hold.reached();
          await hold.released;
        }
        if (this.#failure !== undefined)
          return reply.code(this.#failure).type('application/problem+json').send({ status: this.#failure });
        const messages = this.#stored
          .filter((stored) => stored.userId === userId && BigInt(stored.message.position) > after)
          .map((stored) => stored.message)
          .sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1))
          .slice(0, limit);
        return { messages };
      },
    );
    this.url = await server.listen({ port: 0, host: '127.0.0.1' });
    this.#server = server;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
  }
}

// A double trusts the token bff-web forwards: bff-web verified it; only its subject matters here.
function subjectOf(authorization: string | undefined): string | undefined {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string }).sub;
}
