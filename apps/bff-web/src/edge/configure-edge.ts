import type { AppContext } from '@quizbook/platform';
import { acceptCsvImports } from '../features/quizzes/csv-import-body';
import { installCors } from './cors';
import { serveOpenApi } from './openapi/serve-openapi';
import { installIpRateLimit } from './rate-limit/ip-rate-limit.hook';
import { RateLimiter } from './rate-limit/rate-limiter';
import { installSecurityHeaders } from './security-headers';

/**
 * What only the internet-facing app needs, registered before any route exists so it wraps all of
 * them. Order matters: security headers first so even a 429 carries them; CORS before the limit so
 * a preflight is answered without spending the caller's budget; the docs last.
 */
export async function configureEdge({ nest, config }: AppContext<'cache'>): Promise<void> {
  await installSecurityHeaders(nest);
  await installCors(nest, config.corsOrigins);
  installIpRateLimit(
    nest.getHttpAdapter().getInstance(),
    // The module's limiter: one budget shared with the per-user interceptor's cache.
    nest.get(RateLimiter),
    config.rateLimitPerIp,
  );
  acceptCsvImports(nest.getHttpAdapter().getInstance(), config.bodyLimitBytes);
  serveOpenApi(nest);
}
