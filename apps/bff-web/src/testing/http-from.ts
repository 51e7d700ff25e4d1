import { request as httpRequest } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  header(name: string): string | undefined;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface HttpFromOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /**
   * The client address the server sees: any 127.x.y.z works on Linux loopback, so a test can be
   * "another client" for real, without trusting a forwarded-for header.
   */
  from?: string;
}

/** One HTTP request over a real socket (fetch cannot choose its source address). */
export function httpFrom(url: string, options: HttpFromOptions = {}): Promise<HttpAnswer> {
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (payload !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      url,
      { method: options.method ?? 'GET', headers, localAddress: options.from },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            header: (name) => {
              const value = response.headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : value;
            },
            body,
            json: <T>() => JSON.parse(body) as T,
          });
        });
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}
