import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Cache } from '@quizbook/cache';
import type { SqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import type { AppName } from '../config/app-names';
import type { Readiness } from '../health/readiness';
import type { AppLifecycle } from '../lifecycle/app-lifecycle';
import type { AppMetrics } from '../metrics/app-metrics';

export interface AppDependencies {
  eventStore: EventStore;
  bus: MessageBus;
  readDb: SqlDatabase;
  cache: Cache;
}

export type Dependency = keyof AppDependencies;

export const dependencyNames: readonly Dependency[] = ['eventStore', 'bus', 'readDb', 'cache'];

interface AppContextBase {
  config: AppConfig;
  logger: Logger;
  nest: NestFastifyApplication;
  readiness: Readiness;
  lifecycle: AppLifecycle;
  metrics: AppMetrics;
}

/** What `onStart` receives: exactly the dependencies the app declared, typed as present. */
export type AppContext<Uses extends Dependency = Dependency> = AppContextBase & Pick<AppDependencies, Uses>;

export interface AppDefinition<Uses extends Dependency = Dependency> {
  name: AppName;
  /** The app's root Nest module; it can inject the platform tokens of what `uses` lists. */
  module: Type<unknown>;
  /** Opened (or shared, per URL) before the module starts, checked by /health/ready, closed last. */
  uses: readonly Uses[];
  /**
   * After the Nest app is created and before its module initialises and registers routes: the place
   * for Fastify plugins and hooks that must wrap every route (CORS, security headers, rate limits).
   */
  configure?: (context: AppContext<Uses>) => Promise<void> | void;
  /** After the module is initialised and before the port opens: start consumers, projections... */
  onStart?: (context: AppContext<Uses>) => Promise<void> | void;
}

export function defineApp<const Uses extends Dependency>(
  definition: AppDefinition<Uses>,
): AppDefinition<Uses> {
  const unknown = definition.uses.filter((use) => !dependencyNames.includes(use));
  if (unknown.length > 0)
    throw new Error(`app ${definition.name}: unknown dependencies ${unknown.join(', ')}`);
  return Object.freeze({ ...definition, uses: [...new Set(definition.uses)] });
}
