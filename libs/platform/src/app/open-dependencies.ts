import { openCache } from '@quizbook/cache';
import { openSqlDatabase, redactUrl } from '@quizbook/database';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { openMessageBus, type MessageBus } from '@quizbook/messaging';
import { sql } from 'kysely';
import type { AppConfig } from '../config/app-config';
import { correlatedEventStore } from '../correlation/correlated-event-store';
import { correlatedMessageBus } from '../correlation/correlated-message-bus';
import type { ReadinessCheck } from '../health/readiness';
import type { Lease, ResourceRegistry } from '../lifecycle/resource-registry';
import type { AppDependencies, Dependency } from './define-app';

export interface OpenedDependencies {
  dependencies: Partial<AppDependencies>;
  checks: Record<string, ReadinessCheck>;
  leases: Lease<unknown>[];
}

function urlOf(dependency: Dependency, config: AppConfig): string {
  if (dependency === 'eventStore') return config.eventStoreUrl;
  if (dependency === 'bus') return config.busUrl;
  if (dependency === 'cache') return config.cacheUrl;
  return config.readDbUrl;
}

function open(dependency: Dependency, url: string, resources: ResourceRegistry): Promise<Lease<unknown>> {
  const key = `${dependency} ${url}`;
  if (dependency === 'eventStore') return resources.acquire(key, () => openEventStore(url));
  if (dependency === 'bus') return resources.acquire(key, () => openMessageBus(url));
  if (dependency === 'cache') return resources.acquire(key, () => openCache(url));
  return resources.acquire(key, () => openSqlDatabase(url));
}

function checkFor(dependency: Dependency, resource: unknown): ReadinessCheck {
  if (dependency === 'readDb') {
    const database = resource as AppDependencies['readDb'];
    return async () => {
      await sql`select 1`.execute(database.db);
    };
  }
  const pingable = resource as { ping(): Promise<void> };
  return () => pingable.ping();
}

/** What an app is handed: the shared handle, carrying correlation ids through appends and messages. */
function correlated(dependency: Dependency, resource: unknown): unknown {
  if (dependency === 'eventStore') return correlatedEventStore(resource as EventStore);
  if (dependency === 'bus') return correlatedMessageBus(resource as MessageBus);
  return resource;
}

/** Opens (or joins, through the registry) every declared dependency; all or none. */
export async function openDependencies(
  uses: readonly Dependency[],
  config: AppConfig,
  resources: ResourceRegistry,
): Promise<OpenedDependencies> {
  const results = await Promise.allSettled(uses.map((use) => open(use, urlOf(use, config), resources)));
  const leases = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.findIndex((result) => result.status === 'rejected');
  if (failure !== -1) {
    await Promise.allSettled(leases.map((lease) => lease.release()));
    const dependency = uses[failure] as Dependency;
    const reason = (results[failure] as PromiseRejectedResult).reason as unknown;
    const message = reason instanceof Error ? reason.message : String(reason);
    throw new Error(`cannot open ${dependency} at ${redactUrl(urlOf(dependency, config))}: ${message}`, {
      cause: reason,
    });
  }
  const dependencies: Partial<AppDependencies> = {};
  const checks: Record<string, ReadinessCheck> = {};
  uses.forEach((use, index) => {
    const resource = (results[index] as PromiseFulfilledResult<Lease<unknown>>).value.resource;
    Object.assign(dependencies, { [use]: correlated(use, resource) });
    checks[use] = checkFor(use, resource);
  });
  return { dependencies, checks, leases };
}
