import { z } from 'zod';

/*
 * Each schema reads one raw environment string. Its message completes the sentence
 * "<VARIABLE> must ..." so a wrong setting reads as one plain line.
 */

function urlWithSchemes(schemes: readonly string[], expected: string) {
  return z.string().refine((value) => schemes.some((scheme) => value.startsWith(scheme)), {
    message: `must be ${expected}`,
  });
}

export const eventStoreUrlSchema = urlWithSchemes(
  ['sqlite:', 'mysql://', 'esdb://', 'esdb+discover://', 'kurrentdb://', 'kurrentdb+discover://'],
  'a sqlite:, mysql:// or esdb:// URL',
);
export const busUrlSchema = urlWithSchemes(
  ['memory:', 'redis://', 'rediss://', 'pulsar://', 'pulsar+ssl://'],
  'a memory:, redis:// or pulsar:// URL',
);
export const readDbUrlSchema = urlWithSchemes(['sqlite:', 'mysql://'], 'a sqlite: or mysql:// URL');

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const logLevelSchema = z.enum(logLevels, {
  errorMap: () => ({ message: `must be one of ${logLevels.join(', ')}` }),
});

export const hostSchema = z
  .string()
  .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'must be a host name or IP address to listen on' });

export const portSchema = z
  .string()
  .regex(/^\d{1,5}$/, { message: 'must be a port number from 0 to 65535' })
  .transform(Number)
  .refine((port) => port <= 65535, { message: 'must be a port number from 0 to 65535' });

export const positiveMillisecondsSchema = z
  .string()
  .regex(/^\d+$/, { message: 'must be a positive whole number of milliseconds' })
  .transform(Number)
  .refine((ms) => ms > 0, { message: 'must be a positive whole number of milliseconds' });

export const cacheUrlSchema = urlWithSchemes(
  ['memory:', 'redis://', 'rediss://'],
  'a memory: or redis:// URL',
);

/** `embedded:` (in-process minisearch) or an OpenSearch node, optionally with the index as its path. */
export const searchUrlSchema = z.string().regex(/^(embedded:$|https?:\/\/[^\s/]+)/, {
  message: 'must be embedded: or an http:// or https:// OpenSearch URL',
});

/** `devmailbox:` (stored, viewable at /dev/mailbox) or an SMTP server for nodemailer. */
export const mailUrlSchema = z.string().regex(/^(devmailbox:$|smtps?:\/\/[^\s/]+)/, {
  message: 'must be devmailbox: or an smtp:// or smtps:// URL',
});

/** `Name <address>` or a bare address: what the From header of every email says. */
export const mailFromSchema = z.string().regex(/^([^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
  message: 'must be an email address, optionally as "Name <address>"',
});

export const httpUrlSchema = z
  .string()
  .regex(/^https?:\/\/[^\s/]+/, { message: 'must be an http:// or https:// URL' })
  .transform((url) => url.replace(/\/+$/, ''));

/** A Cognito user pool issuer: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
export const cognitoIssuerSchema = z
  .string()
  .regex(/^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[a-z0-9-]+_[A-Za-z0-9]+$/, {
    message: 'must be a Cognito user pool issuer (https://cognito-idp.<region>.amazonaws.com/<poolId>)',
  });

export const nonEmptyTextSchema = z.string().min(1, { message: 'must not be empty' });

export const emailListSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email.length > 0),
  )
  .refine((emails) => emails.every((email) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)), {
    message: 'must be a comma-separated list of email addresses',
  });

export const originListSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin.length > 0),
  )
  .refine((origins) => origins.every((origin) => /^https?:\/\/[^\s/]+$/.test(origin)), {
    message: 'must be a comma-separated list of origins such as https://app.example.com',
  });

export const positiveIntegerSchema = z
  .string()
  .regex(/^\d+$/, { message: 'must be a positive whole number' })
  .transform(Number)
  .refine((n) => n > 0, { message: 'must be a positive whole number' });

export const stripeSecretKeySchema = z.string().regex(/^(sk|rk)_(test|live)_\S+$/, {
  message: 'must be a Stripe secret key (sk_test_... or sk_live_...)',
});

export const stripeWebhookSecretSchema = z
  .string()
  .regex(/^whsec_\S+$/, { message: 'must be a Stripe webhook signing secret (whsec_...)' });

/**
 * Fastify's trustProxy: `false` (default: the peer address is the client), `true` (trust every
 * proxy), a hop count, or comma-separated proxy addresses/CIDRs.
 */
export const trustProxySchema = z
  .string()
  .transform((value): boolean | number | string[] => {
    const text = value.trim().toLowerCase();
    if (text === 'false') return false;
    if (text === 'true') return true;
    if (/^\d+$/.test(text)) return Number(text);
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  })
  .refine((value) => !Array.isArray(value) || value.every((part) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(part)), {
    message: 'must be true, false, a number of proxy hops, or comma-separated proxy addresses or CIDRs',
  });
