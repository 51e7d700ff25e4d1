import { Controller, Get, Inject, Module } from '@nestjs/common';
import type { Cache } from '@quizbook/cache';
import { loadConfig } from '../config/load-config';
import { ResourceRegistry } from '../lifecycle/resource-registry';
import { bootstrap, type AppHandle } from './bootstrap';
import { defineApp } from './define-app';
import { CACHE } from './tokens';

@Controller('visits')
class VisitsController {
  constructor(@Inject(CACHE) private readonly cache: Cache) {}

  @Get()
  async count() {
    return { count: (await this.cache.hit('visits', 60_000)).count };
  }
}

@Module({ controllers: [VisitsController] })
class VisitsModule {}

const edgeApp = defineApp({
  name: 'bff-web',
  module: VisitsModule,
  uses: ['cache'],
  async configure({ nest, cache }) {
    // A hook registered here wraps Nest's routes, which exist only after configure returns.
    nest
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', async (_request, reply) => {
        void reply.header('x-hits-before', String((await cache.get<number>('seen')) ?? 0));
      });
  },
  async onStart({ cache }) {
    await cache.set('seen', 7, 60_000);
  },
});

describe('an app using the cache and configuring its HTTP server', () => {
  let handle: AppHandle;
  const resources = new ResourceRegistry();

  beforeAll(async () => {
    const config = loadConfig('bff-web', { CACHE_URL: 'memory:', LOG_LEVEL: 'silent' });
    handle = await bootstrap(edgeApp, { config, port: 0, resources });
  });

  afterAll(() => handle.close());

  it('injects the cache of CACHE_URL, shared through the registry', async () => {
    const first = await fetch(`${handle.url}/visits`);
    const second = await fetch(`${handle.url}/visits`);
    expect(await first.json()).toEqual({ count: 1 });
    expect(await second.json()).toEqual({ count: 2 });
    expect(resources.keys()).toEqual(['cache memory:']);
  });

  it('runs the configure hook before routes are registered, so its hooks wrap them', async () => {
    const response = await fetch(`${handle.url}/visits`);
    expect(response.headers.get('x-hits-before')).toBe('7');
  });

  it('reports the cache in readiness', async () => {
    const report = (await (await fetch(`${handle.url}/health/ready`)).json()) as {
      checks: Record<string, { status: string }>;
    };
    expect(report.checks.cache).toEqual({ status: 'up' });
  });
});
