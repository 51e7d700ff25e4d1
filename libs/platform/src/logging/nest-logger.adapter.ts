import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

// Nest announces every module and route at start; with eight apps that drowns the useful lines.
const startupChatter = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Nest's own messages as JSON lines of the app's logger. */
export class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = lastString(rest);
    if (context && startupChatter.has(context)) this.write('debug', message, context);
    else this.write('info', message, context);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest calls error(message, stack?, context?); a lone extra argument is a stack only if it looks like one.
    const [first] = rest;
    const isStack = typeof first === 'string' && (rest.length >= 2 || /\n\s+at /.test(first));
    const stack = isStack ? first : undefined;
    const context = rest.length >= 2 || !isStack ? lastString(rest) : undefined;
    if (message instanceof Error) this.logger.error({ err: message, context }, message.message);
    else this.logger.error({ context, ...(stack ? { stack } : {}) }, text(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, lastString(rest));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, lastString(rest));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, lastString(rest));
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, lastString(rest));
  }

  private write(
    level: 'fatal' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    context?: string,
  ): void {
    if (typeof message === 'object' && message !== null && !(message instanceof Error))
      this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, text(message));
  }
}

function lastString(values: unknown[]): string | undefined {
  const last = values[values.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function text(message: unknown): string {
  return message instanceof Error ? message.message : String(message);
}
