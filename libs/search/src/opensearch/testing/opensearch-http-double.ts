import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** As sent: JSON for most APIs, NDJSON for _bulk. */
  body: string;
}

export interface CannedResponse {
  status: number;
  body?: unknown;
}

type Responder = (request: RecordedRequest) => CannedResponse;

interface Route {
  method: string;
  path: string | RegExp;
  respond: Responder;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for an OpenSearch node, so the adapter's requests go
 * through the real client and can be asserted as they appear on the wire. It answers the routes a
 * test declares with `on`, falling back to what an empty, healthy cluster would say.
 */
export class OpenSearchHttpDouble {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: Route[] = [];

  readonly #server: Server;
  #url = '';

  private constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://double');
        const recorded: RecordedRequest = {
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(recorded);
        const { status, body } = this.answer(recorded);
        const payload = body === undefined || recorded.method === 'HEAD' ? '' : JSON.stringify(body);
        response.writeHead(status, { 'content-type': 'application/json' }).end(payload);
      });
    });
  }

  static async start(): Promise<OpenSearchHttpDouble> {
    const double = new OpenSearchHttpDouble();
    await new Promise<void>((resolve) => double.#server.listen(0, '127.0.0.1', resolve));
    const { port } = double.#server.address() as AddressInfo;
    double.#url = `http://127.0.0.1:${port}`;
    return double;
  }

  /** Base URL, usable as SEARCH_URL. */
  get url(): string {
    return this.#url;
  }

  /** Answers matching requests with `response` (later declarations win over earlier ones). */
  on(method: string, path: string | RegExp, response: CannedResponse | Responder): this {
    this.#routes.unshift({
      method,
      path,
      respond: typeof response === 'function' ? response : () => response,
    });
    return this;
  }

  /** The recorded requests to one method and path. */
  find(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && matches(path, request.path));
  }

  /** The body of the last matching request, parsed as JSON. */
  lastJson(method: string, path: string | RegExp): unknown {
    const request = this.find(method, path).at(-1);
    if (!request) throw new Error(`no ${method} ${String(path)} was sent`);
    return JSON.parse(request.body) as unknown;
  }

  clear(): void {
    this.requests.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.closeAllConnections();
      this.#server.close((error) => (error ? reject(error) : resolve()));
    });
  }

  private answer(request: RecordedRequest): CannedResponse {
    const route = this.#routes.find(
      (candidate) => candidate.method === request.method && matches(candidate.path, request.path),
    );
    return route ? route.respond(request) : emptyClusterAnswer(request);
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

/** What a healthy cluster without our index answers. */
function emptyClusterAnswer(request: RecordedRequest): CannedResponse {
  if (request.path === '/')
    return { status: 200, body: { version: { distribution: 'opensearch', number: '2.19.0' } } };
  if (request.path.endsWith('/_bulk')) return { status: 200, body: { took: 1, errors: false, items: [] } };
  if (request.path.endsWith('/_search')) {
    return {
      status: 200,
      body: { hits: { total: { value: 0, relation: 'eq' }, hits: [] }, aggregations: {} },
    };
  }
  if (request.method === 'HEAD') return { status: 404 };
  if (request.method === 'PUT')
    return { status: 200, body: { acknowledged: true, index: request.path.slice(1) } };
  if (request.method === 'DELETE') return { status: 200, body: { acknowledged: true } };
  return { status: 404, body: { error: { type: 'not_found' }, status: 404 } };
}
