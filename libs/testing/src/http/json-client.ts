export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface JsonRequest {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as JSON; none for GET and friends. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface JsonClientOptions {
  /**
   * What an empty response body reads as: `undefined` unless given. Journeys pass `{}` so that a
   * polled `answer.body.items?.…` reads an empty answer as "not yet" instead of throwing.
   */
  emptyBody?: unknown;
}

/** `call(method, path, { token, body, headers })` against `base()`, read at call time (apps start later). */
export function jsonClient(base: () => string, options: JsonClientOptions = {}) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    request: JsonRequest = {},
  ): Promise<JsonAnswer<T>> {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: {
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...request.headers,
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : options.emptyBody) as T,
      headers: response.headers,
    };
  };
}

export type JsonCall = ReturnType<typeof jsonClient>;
