import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface DoubleAnswer {
  status: number;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A stand-in for any service behind the edge (user, course, payment, quiz...) over real HTTP: answers what the test scripts per "METHOD path"
 * and records what the edge sent it, so the proxy is tested on the wire, not through a mock.
 */
export class ServiceDouble {
  readonly calls: RecordedCall[] = [];
  readonly #answers = new Map<string, DoubleAnswer>();
  #server: Server | undefined;
  url = '';

  answer(route: string, answer: DoubleAnswer): void {
    this.#answers.set(route, answer);
  }

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.calls.push({
          method: request.method ?? '',
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const answer = this.#answers.get(`${request.method} ${path}`) ?? { status: 404, body: '' };
        if (answer.contentType) response.setHeader('content-type', answer.contentType);
        for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
        response.statusCode = answer.status;
        response.end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
