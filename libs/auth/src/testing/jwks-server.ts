import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Jwks } from 'aws-jwt-verify/jwk';

export const JWKS_PATH = '/.well-known/jwks.json';

export interface JwksServer {
  /** Base URL, usable as `USER_SERVICE_URL`: the keys are at `${url}/.well-known/jwks.json`. */
  url: string;
  jwksUri: string;
  /** How many times the key set was fetched: shows when a verifier hit its cache and when not. */
  readonly fetches: number;
  /** What the next fetch answers (rotation: publish a new key). */
  publish(jwks: Jwks): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a free port standing in for the user service's JWKS route. */
export async function startJwksServer(initial: Jwks): Promise<JwksServer> {
  let jwks = initial;
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === JWKS_PATH) {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    jwksUri: `${url}${JWKS_PATH}`,
    get fetches() {
      return fetches;
    },
    publish(next) {
      jwks = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
