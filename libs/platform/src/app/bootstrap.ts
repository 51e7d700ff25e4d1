import { Module, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import type { DestinationStream, Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { loadConfig, type Environment } from '../config/load-config';
import { Readiness } from '../health/readiness';
import { ProblemExceptionFilter } from '../http/problem-exception.filter';
import { installRequestHooks } from '../http/request-hooks';
import { AppLifecycle } from '../lifecycle/app-lifecycle';
import { processResources, type ResourceRegistry } from '../lifecycle/resource-registry';
import { createLogger } from '../logging/create-logger';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { createAppMetrics } from '../metrics/app-metrics';
import type { AppContext, AppDefinition, Dependency } from './define-app';
import { openDependencies } from './open-dependencies';
import { PlatformModule } from './platform.module';

export interface BootstrapOptions {
  /** Already validated (start-all validates once for all apps); otherwise read from `env`. */
  config?: AppConfig;
  env?: Environment;
  /** Replaces the configured port; 0 picks a free one (tests). */
  port?: number;
  /** Where shared event stores, buses and databases live; the process-wide one by default. */
  resources?: ResourceRegistry;
  logDestination?: DestinationStream;
  /**
   * Nest's logger is process-wide (Logger.overrideLogger), so when several apps share a process
   * its own lines cannot name the right app: the caller passes one neutral logger for them.
   */
  nestLogger?: LoggerService;
}

export interface AppHandle {
  readonly name: string;
  /** `http://host:port`, with the real port when 0 was asked for. */
  readonly url: string;
  readonly logger: Logger;
  /** Not ready, stop taking requests, run the app's closers, release shared resources. Idempotent. */
  close(): Promise<void>;
}

// Large enough for any JSON command; larger bodies are refused with a 413 problem.

export async function bootstrap<Uses extends Dependency>(
  definition: AppDefinition<Uses>,
  options: BootstrapOptions = {},
): Promise<AppHandle> {
  const config = { ...(options.config ?? loadConfig(definition.name, options.env)) };
  if (options.port !== undefined) config.port = options.port;
  const logger = createLogger({
    app: definition.name,
    level: config.logLevel,
    destination: options.logDestination,
  });
  const readiness = new Readiness(definition.name);
  const metrics = createAppMetrics(definition.name);
  const lifecycle = new AppLifecycle();

  const opened = await openDependencies(definition.uses, config, options.resources ?? processResources);
  for (const [name, check] of Object.entries(opened.checks)) readiness.add(name, check);
  const releaseAll = () => Promise.allSettled(opened.leases.map((lease) => lease.release()));

  let nest: NestFastifyApplication | undefined;
  try {
    @Module({
      imports: [
        PlatformModule.forApp({ config, logger, readiness, metrics, lifecycle, ...opened }),
        definition.module,
      ],
    })
    class AppRootModule {}

    nest = await NestFactory.create<NestFastifyApplication>(
      AppRootModule,
      new FastifyAdapter({
        logger: false,
        bodyLimit: config.bodyLimitBytes,
        trustProxy: config.trustProxy,
        return503OnClosing: true,
      }),
      { logger: options.nestLogger ?? new NestLoggerAdapter(logger), abortOnError: false },
    );
    installRequestHooks(nest.getHttpAdapter().getInstance(), logger, metrics);
    nest.useGlobalFilters(new ProblemExceptionFilter(logger));
    const context = { config, logger, nest, readiness, lifecycle, metrics, ...opened.dependencies };
    await definition.configure?.(context as AppContext<Uses>);
    await nest.init();

    await definition.onStart?.(context as AppContext<Uses>);

    await nest.listen({ port: config.port, host: config.host });
  } catch (error) {
    await lifecycle.runClosers(logger);
    await nest?.close().catch(() => undefined);
    await releaseAll();
    throw error;
  }

  const app = nest;
  const address = app.getHttpServer().address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, uses: definition.uses }, `${definition.name} listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      readiness.markShuttingDown();
      await app.close();
      await lifecycle.runClosers(logger);
      await releaseAll();
      logger.info('app stopped');
    })();
    return closing;
  };
  return { name: definition.name, url, logger, close };
}
