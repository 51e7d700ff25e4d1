import { jwksOf, type Role } from '@quizbook/auth';
import { startTestApp, TestTokenIssuer, type TestApps } from '@quizbook/testing';
import { bffWebApp } from '../bff-web.app';
import { httpFrom, type HttpAnswer } from './http-from';
import { ServiceDouble } from './service.double';

/**
 * One bff-web in front of service doubles, for specs of what the edge itself does (validation,
 * relaying, headers): the user double publishes the JWKS of a key held here, so tokens signed by
 * `tokenFor` pass the edge's real verifier.
 */
export class EdgeBehindDoubles {
  readonly users = new ServiceDouble();
  // Signs only: its key is published by the user double, not by a JWKS server of its own.
  readonly #issuer = new TestTokenIssuer('edge-key');
  #apps: TestApps | undefined;

  /** `upstreams`: the setting naming each service's URL (COURSE_SERVICE_URL...) and its double. */
  constructor(private readonly upstreams: Record<string, ServiceDouble>) {}

  async start(): Promise<void> {
    const doubles = Object.values(this.upstreams);
    await Promise.all([this.users.start(), ...doubles.map((double) => double.start())]);
    this.users.answer('GET /.well-known/jwks.json', {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(jwksOf(this.#issuer.key)),
    });
    const urls = Object.fromEntries(
      Object.entries(this.upstreams).map(([setting, double]) => [setting, double.url]),
    );
    this.#apps = await startTestApp(bffWebApp, { env: { USER_SERVICE_URL: this.users.url, ...urls } });
  }

  tokenFor(sub: string, roles: Role[]): string {
    return this.#issuer.tokenFor(sub, roles);
  }

  call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> {
    return httpFrom(`${this.#apps!.url}${path}`, {
      method,
      body: options.body,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    });
  }

  async close(): Promise<void> {
    await this.#apps?.close();
    await Promise.all([this.users, ...Object.values(this.upstreams)].map((double) => double.stop()));
  }
}

/** What the edge last sent to a double. */
export const lastCall = (double: ServiceDouble) => double.calls[double.calls.length - 1]!;
