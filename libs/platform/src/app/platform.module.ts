import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { HealthController } from '../health/health.controller';
import type { Readiness } from '../health/readiness';
import type { AppLifecycle } from '../lifecycle/app-lifecycle';
import type { AppMetrics } from '../metrics/app-metrics';
import { MetricsController } from '../metrics/metrics.controller';
import type { AppDependencies } from './define-app';
import {
  APP_CONFIG,
  APP_LIFECYCLE,
  CACHE,
  EVENT_STORE,
  LOGGER,
  MESSAGE_BUS,
  METRICS,
  READ_DATABASE,
  READINESS,
} from './tokens';

export interface PlatformContext {
  config: AppConfig;
  logger: Logger;
  readiness: Readiness;
  metrics: AppMetrics;
  lifecycle: AppLifecycle;
  dependencies: Partial<AppDependencies>;
}

const dependencyTokens: Record<keyof AppDependencies, string> = {
  eventStore: EVENT_STORE,
  bus: MESSAGE_BUS,
  readDb: READ_DATABASE,
  cache: CACHE,
};

/**
 * Global per app: the health and metrics routes, and the tokens of what the app declared. An
 * undeclared dependency has no provider, so injecting it fails at start, naming the token.
 */
@Module({})
export class PlatformModule {
  static forApp(context: PlatformContext): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: context.config },
      { provide: LOGGER, useValue: context.logger },
      { provide: READINESS, useValue: context.readiness },
      { provide: METRICS, useValue: context.metrics },
      { provide: APP_LIFECYCLE, useValue: context.lifecycle },
    ];
    for (const [name, token] of Object.entries(dependencyTokens)) {
      const resource = context.dependencies[name as keyof AppDependencies];
      if (resource) providers.push({ provide: token, useValue: resource });
    }
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers,
      exports: providers.map((provider) => (provider as { provide: string }).provide),
    };
  }
}
