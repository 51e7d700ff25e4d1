import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * helmet's defaults, with a CSP the swagger UI page works under: its scripts and stylesheet are
 * served from this origin, and only its page template carries an inline <style>. JSON responses
 * get the same header, where it costs nothing and forbids everything a browser might try.
 */
export async function installSecurityHeaders(nest: NestFastifyApplication): Promise<void> {
  await nest.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API is called from the SPA's own origin and allowlisted ones; CORS decides, not CORP.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
