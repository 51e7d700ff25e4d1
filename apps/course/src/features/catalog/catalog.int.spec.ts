import { Module } from '@nestjs/common';
import { AuthModule, type Role } from '@quizbook/auth';
import { createMemoryCache } from '@quizbook/cache';
import {
  CourseArchived,
  CourseDrafted,
  CourseEdited,
  CoursePublished,
  courseStreamName,
  SeatReserved,
  type CourseDraftedData,
} from '@quizbook/contracts';
import type { SqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import { defineApp } from '@quizbook/platform';
import { createEmbeddedSearchIndex } from '@quizbook/search';
import { startTestApp, TestTokenIssuer, type TestApps } from '@quizbook/testing';
import type { RebuildProgress } from '@quizbook/database';
import { startCatalogFeed, type CatalogFeed } from './catalog-feed';
import { createCatalogServices } from './catalog-services';
import type { CatalogTables } from './catalog.tables';
import { CatalogModule } from './catalog.module';
import { startCatalog } from './start-catalog';

interface SearchBody {
  items: { courseId: string; title: string; seatsLeft: number }[];
  total: number;
  facets: { tags: { value: string; count: number }[]; levels: { value: string; count: number }[] };
}

describe('the course catalog (CatalogModule + startCatalog on the SQL event store)', () => {
  const issuer = new TestTokenIssuer();
  const tokenFor = (sub: string, roles?: Role[]) => issuer.tokenFor(sub, roles);
  let apps: TestApps;
  let feed: CatalogFeed;
  let eventStore: EventStore;
  let readDb: SqlDatabase<CatalogTables>;

  @Module({ imports: [AuthModule.forApp(), CatalogModule] })
  class CatalogTestModule {}
  const catalogApp = defineApp({
    name: 'course',
    module: CatalogTestModule,
    uses: ['eventStore', 'readDb', 'cache'],
    async onStart(context) {
      feed = await startCatalog(context);
      eventStore = context.eventStore;
      readDb = context.readDb as SqlDatabase<CatalogTables>;
    },
  });

  const append = async (courseId: string, event: { type: string; data: unknown }) => {
    const { position } = await eventStore.appendToStream(courseStreamName(courseId), [event], {
      expectedRevision: 'any',
    });
    await feed.waitFor(position);
  };
  const draft = (courseId: string, details: Partial<CourseDraftedData> = {}) =>
    append(
      courseId,
      CourseDrafted.create({
        courseId,
        ownerId: 'owner-1',
        title: 'Kubernetes in Practice',
        description: 'Deploy containers to a cluster',
        tags: ['devops'],
        level: 'intermediate',
        priceCents: 9900,
        currency: 'EUR',
        capacity: 3,
        startsAt: '2030-02-01T09:00:00.000Z',
        ...details,
      }),
    );
  const publish = (courseId: string) => append(courseId, CoursePublished.create({ courseId }));
  const reserve = (courseId: string, orderId: string) =>
    append(
      courseId,
      SeatReserved.create({
        courseId,
        orderId,
        learnerId: 'learner-1',
        expiresAt: '2030-01-01T00:00:00.000Z',
      }),
    );

  const get = async <T = Record<string, unknown>>(route: string, token?: string) => {
    const response = await fetch(`${apps.url}${route}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  };
  const search = async (query: string) => (await get<SearchBody>(`/courses?${query}`)).body;

  beforeAll(async () => {
    apps = await startTestApp(catalogApp, { env: { USER_SERVICE_URL: await issuer.start() } });
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
  });

  it('makes a course searchable once it is published, never while it is a draft', async () => {
    await draft('k8s');
    expect((await search('q=kubernetes')).items).toEqual([]);

    await publish('k8s');
    const found = await search('q=kube');
    expect(found.items).toEqual([
      expect.objectContaining({ courseId: 'k8s', title: 'Kubernetes in Practice', seatsLeft: 3 }),
    ]);
    expect(found.items[0]).not.toHaveProperty('published');
  });

  it('drops seats left in search and detail when a seat is reserved', async () => {
    await draft('seats', { title: 'Seat Counting', capacity: 2 });
    await publish('seats');
    expect((await get('/courses/seats')).body).toMatchObject({ seatsLeft: 2 });

    await reserve('seats', 'order-1');
    expect((await search('q=seat')).items[0]).toMatchObject({ courseId: 'seats', seatsLeft: 1 });
    expect((await get('/courses/seats')).body).toMatchObject({ seatsLeft: 1, capacity: 2 });
  });

  it('removes an archived course from search; its detail then answers only its owner', async () => {
    await draft('old', { title: 'Legacy Systems' });
    await publish('old');
    expect((await search('q=legacy')).total).toBe(1);

    await append('old', CourseArchived.create({ courseId: 'old' }));
    expect((await search('q=legacy')).total).toBe(0);
    expect((await get('/courses/old')).status).toBe(404);
    expect((await get('/courses/old', tokenFor('owner-1', ['instructor']))).body).toMatchObject({
      status: 'archived',
    });
  });

  it('shows an unpublished course to its owner and admins only, as a 404 to anyone else', async () => {
    await draft('hidden', { ownerId: 'owner-9' });
    const anonymous = await get('/courses/hidden');
    expect(anonymous.status).toBe(404);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await get('/courses/hidden', tokenFor('someone'))).status).toBe(404);
    expect((await get('/courses/hidden', tokenFor('owner-9', ['instructor']))).body).toMatchObject({
      courseId: 'hidden',
      status: 'draft',
    });
    expect((await get('/courses/hidden', tokenFor('boss', ['admin']))).status).toBe(200);
    expect((await get('/courses/never-drafted')).status).toBe(404);
  });

  it('serves the detail from the cache, and drops it when the course is edited', async () => {
    await draft('cached', { title: 'Cached Course' });
    await publish('cached');
    const first = await get('/courses/cached');
    expect(first.body).toMatchObject({ title: 'Cached Course', version: 1 });
    expect(first.headers.get('etag')).toBe('W/"1"');

    // Changed behind the catalog's back: only a cached answer still says the old title.
    await readDb.db
      .updateTable('catalog_courses')
      .set({ title: 'Changed Behind The Cache' })
      .where('course_id', '=', 'cached')
      .execute();
    expect((await get('/courses/cached')).body).toMatchObject({ title: 'Cached Course' });

    await append('cached', CourseEdited.create({ courseId: 'cached', changes: { title: 'Edited Course' } }));
    const edited = await get('/courses/cached');
    expect(edited.body).toMatchObject({ title: 'Edited Course', version: 2 });
    expect(edited.headers.get('etag')).toBe('W/"2"');
  });

  it('filters by tag and level, with facets and pages', async () => {
    await draft('ts-1', { title: 'TypeScript Basics', tags: ['typescript'], level: 'beginner' });
    await draft('ts-2', { title: 'TypeScript Deep Dive', tags: ['typescript'], level: 'advanced' });
    await publish('ts-1');
    await publish('ts-2');
    const typescript = await search('tag=typescript&pageSize=1&page=2');
    expect(typescript.total).toBe(2);
    expect(typescript.items.map((item) => item.courseId)).toEqual(['ts-2']);
    expect(typescript.facets.levels).toEqual([
      { value: 'advanced', count: 1 },
      { value: 'beginner', count: 1 },
    ]);
    expect((await search('tag=typescript&level=beginner')).items.map((item) => item.courseId)).toEqual([
      'ts-1',
    ]);
    expect((await search('q=&tag=&level=')).total).toBeGreaterThanOrEqual(4);
  });

  it('answers a bad query with a validation problem naming each bad field', async () => {
    const response = await get<{ type: string; errors: { field: string }[] }>(
      '/courses?pageSize=101&level=expert&page=0',
    );
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:quizbook:problem:validation');
    expect(response.body.errors.map((error) => error.field).sort()).toEqual(['level', 'page', 'pageSize']);
    expect((await get('/courses?pageSize=100')).status).toBe(200);
  });

  it('rebuilds the rows and the index from the event store, with progress, to the same answers', async () => {
    const before = await search('pageSize=100');
    const progress: RebuildProgress[] = [];
    const result = await feed.rebuild({ batchSize: 5, onProgress: (report) => progress.push(report) });

    expect(result.processed).toBeGreaterThan(5);
    expect(progress.at(-1)).toMatchObject({ projection: 'course_catalog', done: true });
    expect(progress.length).toBeGreaterThan(2);
    expect(await search('pageSize=100')).toEqual(before);
    // The edit made behind the cache's back is gone: the rows were rebuilt from the events.
    expect((await get('/courses/cached')).body).toMatchObject({ title: 'Edited Course' });
    // And the feed is live again.
    await draft('after-rebuild', { title: 'After The Rebuild' });
    await publish('after-rebuild');
    expect((await search('q=rebuild')).items.map((item) => item.courseId)).toEqual(['after-rebuild']);
  });

  it('refills an in-process index from the catalog rows after a restart, without a replay', async () => {
    const searchIndex = createEmbeddedSearchIndex();
    const services = createCatalogServices({ readDb, cache: createMemoryCache(), searchIndex });
    const restarted = await startCatalogFeed({ services, eventStore });
    try {
      const all = await searchIndex.query({ page: 1, pageSize: 100 });
      expect(all.items.map((item) => item.id).sort()).toEqual(
        (await search('pageSize=100')).items.map((item) => item.courseId).sort(),
      );
    } finally {
      await restarted.close();
      await searchIndex.close();
    }
  });
});
