import type { CourseDocument, SearchIndex, SearchQuery } from '@quizbook/search';

const course = (
  document: Partial<CourseDocument> & Pick<CourseDocument, 'id' | 'title'>,
): CourseDocument => ({
  description: '',
  tags: [],
  level: 'beginner',
  priceCents: 4900,
  currency: 'EUR',
  seatsLeft: 10,
  startsAt: '2030-01-01T09:00:00.000Z',
  published: true,
  ...document,
});

/** A small catalog where every query below has one right answer. */
export const searchContractCatalog: readonly CourseDocument[] = [
  course({
    id: 'k8s',
    title: 'Kubernetes in Practice',
    description: 'Deploy containers to a cluster and keep them running',
    tags: ['devops', 'containers'],
    level: 'intermediate',
    startsAt: '2030-01-10T09:00:00.000Z',
  }),
  course({
    id: 'cooking',
    title: 'Italian Cooking',
    description: 'Pasta, risotto, and why chefs never mention kubernetes',
    tags: ['food'],
    level: 'beginner',
    startsAt: '2030-01-05T09:00:00.000Z',
  }),
  course({
    id: 'ts-basics',
    title: 'TypeScript Fundamentals',
    description: 'Types, generics and the compiler',
    tags: ['programming', 'typescript'],
    level: 'beginner',
    startsAt: '2030-02-01T09:00:00.000Z',
  }),
  course({
    id: 'ts-advanced',
    title: 'Advanced TypeScript',
    description: 'Conditional and mapped types',
    tags: ['programming', 'typescript'],
    level: 'advanced',
    startsAt: '2030-03-01T09:00:00.000Z',
  }),
  course({
    id: 'node',
    title: 'Node.js Services',
    description: 'Building HTTP services with TypeScript',
    tags: ['programming', 'backend'],
    level: 'intermediate',
    startsAt: '2030-01-20T09:00:00.000Z',
  }),
  course({
    id: 'draft',
    title: 'Kubernetes Secrets',
    description: 'Not published yet',
    tags: ['devops'],
    level: 'advanced',
    published: false,
  }),
];

/**
 * The behaviour every SearchIndex adapter must have: the same scenario of filters, facets, paging
 * and relevance. `open` returns an empty index; the suite closes it.
 */
export function searchIndexContract(name: string, open: () => Promise<SearchIndex>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex;
    const search = (query: Partial<SearchQuery>) => index.query({ page: 1, pageSize: 20, ...query });
    const ids = async (query: Partial<SearchQuery>) => (await search(query)).items.map((item) => item.id);

    beforeEach(async () => {
      index = await open();
      await index.upsert(searchContractCatalog);
    });
    afterEach(() => index.close());

    it('lists every published course by start date without a query, never a draft', async () => {
      const result = await search({});
      expect(result.items.map((item) => item.id)).toEqual([
        'cooking',
        'k8s',
        'node',
        'ts-basics',
        'ts-advanced',
      ]);
      expect(result.total).toBe(5);
      expect(result.items[1]).toEqual(searchContractCatalog[0]);
    });

    it('counts tag and level facets over every match, most frequent first, then by name', async () => {
      expect((await search({ pageSize: 1 })).facets).toEqual({
        tags: [
          { value: 'programming', count: 3 },
          { value: 'typescript', count: 2 },
          { value: 'backend', count: 1 },
          { value: 'containers', count: 1 },
          { value: 'devops', count: 1 },
          { value: 'food', count: 1 },
        ],
        levels: [
          { value: 'beginner', count: 2 },
          { value: 'intermediate', count: 2 },
          { value: 'advanced', count: 1 },
        ],
      });
    });

    it('filters by tag and by level, the facets following the filters', async () => {
      expect(await ids({ tag: 'typescript' })).toEqual(['ts-basics', 'ts-advanced']);
      const both = await search({ tag: 'programming', level: 'intermediate' });
      expect(both.items.map((item) => item.id)).toEqual(['node']);
      expect(both.facets.levels).toEqual([{ value: 'intermediate', count: 1 }]);
      expect(both.facets.tags).toEqual([
        { value: 'backend', count: 1 },
        { value: 'programming', count: 1 },
      ]);
      expect(await ids({ tag: 'nope' })).toEqual([]);
    });

    it('pages through the matches with the total on every page', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ page, pageSize: 2 })));
      expect(pages.map((page) => page.items.map((item) => item.id))).toEqual([
        ['cooking', 'k8s'],
        ['node', 'ts-basics'],
        ['ts-advanced'],
        [],
      ]);
      expect(pages.map((page) => page.total)).toEqual([5, 5, 5, 5]);
      expect(pages[1]).toMatchObject({ page: 2, pageSize: 2 });
    });

    it('ranks a title match above a description match', async () => {
      expect(await ids({ q: 'kubernetes' })).toEqual(['k8s', 'cooking']);
      const typescript = await ids({ q: 'typescript' });
      expect(typescript.slice(0, 2).sort()).toEqual(['ts-advanced', 'ts-basics']);
      expect(typescript[2]).toBe('node');
    });

    it('finds a course from the start of a word, as someone types', async () => {
      expect((await ids({ q: 'kube' }))[0]).toBe('k8s');
      expect(await ids({ q: 'fundam' })).toEqual(['ts-basics']);
    });

    it('forgives a typo', async () => {
      expect((await ids({ q: 'kubernates' }))[0]).toBe('k8s');
      expect(await ids({ q: 'risoto' })).toEqual(['cooking']);
    });

    it('combines free text with filters and counts facets over those matches', async () => {
      const result = await search({ q: 'typescript', level: 'beginner' });
      expect(result.items.map((item) => item.id)).toEqual(['ts-basics']);
      expect(result.total).toBe(1);
      expect(result.facets.levels).toEqual([{ value: 'beginner', count: 1 }]);
    });

    it('replaces a document on upsert and forgets a removed one', async () => {
      await index.upsert([{ ...searchContractCatalog[0]!, seatsLeft: 3, title: 'Kubernetes Operations' }]);
      const [updated] = (await search({ q: 'operations' })).items;
      expect(updated).toMatchObject({ id: 'k8s', seatsLeft: 3 });
      expect((await search({})).total).toBe(5);

      await index.remove(['k8s', 'never-indexed']);
      expect(await ids({ q: 'kubernetes' })).toEqual(['cooking']);
      expect((await search({})).total).toBe(4);
    });

    it('hides a course that is upserted as unpublished', async () => {
      await index.upsert([{ ...searchContractCatalog[2]!, published: false }]);
      expect(await ids({ tag: 'typescript' })).toEqual(['ts-advanced']);
    });

    it('is empty after a reset, and usable again', async () => {
      await index.reset();
      expect(await search({})).toMatchObject({ items: [], total: 0, facets: { tags: [], levels: [] } });
      await index.upsert([searchContractCatalog[1]!]);
      expect(await ids({})).toEqual(['cooking']);
    });

    it('answers a ping', async () => {
      await expect(index.ping()).resolves.toBeUndefined();
    });
  });
}
