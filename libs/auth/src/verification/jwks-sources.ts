import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache, type Jwks, type JwksCache, type PenaltyBox } from 'aws-jwt-verify/jwk';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';

/** The issuing app's own public keys, read in-process rather than over HTTP. */
export type JwksSource = () => Promise<Jwks> | Jwks;

const fetchTimeoutMs = 3000;

/**
 * aws-jwt-verify's own fetcher speaks https only, while the local issuer is reached over plain http
 * inside the deployment (`USER_SERVICE_URL`); this one uses Node's fetch for both.
 */
export const httpJwksFetcher: Fetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    let response: Response;
    try {
      response = await fetch(uri, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(fetchTimeoutMs),
      });
    } catch (error) {
      throw new FetchError(uri, error instanceof Error ? error.message : String(error));
    }
    if (response.status !== 200)
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    return response.arrayBuffer();
  },
};

/**
 * Caches the set per URI and fetches it again when a token names a kid the cached set lacks (key
 * rotation). After a kid that is still unknown once refetched, aws-jwt-verify's SimplePenaltyBox
 * refuses further refetches for that URI for 10 s, so a flood of forged kids cannot hammer the issuer;
 * tokens with known kids keep verifying meanwhile.
 */
export function httpJwksCache(): JwksCache {
  return new SimpleJwksCache({ fetcher: httpJwksFetcher });
}

// Reading keys held in memory costs nothing, so an unknown kid is always looked up again at once.
const noPenalty: PenaltyBox = {
  wait: async () => undefined,
  registerFailedAttempt: () => undefined,
  registerSuccessfulAttempt: () => undefined,
};

/** A cache whose "fetch" asks the issuing app for its current keys; the URI is only a cache key. */
export function jwksCacheFrom(source: JwksSource): JwksCache {
  const fetcher: Fetcher = {
    fetch: async () => {
      const bytes = new TextEncoder().encode(JSON.stringify(await source()));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
  return new SimpleJwksCache({ fetcher, penaltyBox: noPenalty });
}
