import { openSearchIndex } from '../open-search-index';
import { type CourseDocument, type SearchIndex, SearchIndexError } from '../search-index.port';
import { OpenSearchHttpDouble } from './testing/opensearch-http-double';

const kubernetes: CourseDocument = {
  id: 'course-1',
  title: 'Kubernetes in Practice',
  description: 'Deploy containers',
  tags: ['devops', 'containers'],
  level: 'intermediate',
  priceCents: 9900,
  currency: 'EUR',
  seatsLeft: 7,
  startsAt: '2030-01-10T09:00:00.000Z',
  published: true,
};
const cooking: CourseDocument = { ...kubernetes, id: 'course-2', title: 'Cooking', tags: ['food'] };

/** The OpenSearch adapter through the real client, asserted on what crosses the wire. */
describe('OpenSearch search index at the wire', () => {
  let double: OpenSearchHttpDouble;
  let index: SearchIndex | undefined;

  beforeEach(async () => {
    double = await OpenSearchHttpDouble.start();
  });
  afterEach(async () => {
    await index?.close();
    index = undefined;
    await double.close();
  });

  const open = async (path = '') => {
    index = await openSearchIndex(`${double.url}${path}`);
    return index;
  };
  const opened = async () => {
    double.on('HEAD', '/courses', { status: 200 });
    const subject = await open();
    double.clear();
    return subject;
  };

  describe('the index', () => {
    it('creates a missing index with english and edge n-gram analysis and a strict mapping', async () => {
      await open();
      expect(double.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'HEAD /courses',
        'PUT /courses',
      ]);
      const definition = double.lastJson('PUT', '/courses') as {
        settings: { analysis: Record<string, Record<string, Record<string, unknown>>> };
        mappings: { dynamic: string; properties: Record<string, Record<string, unknown>> };
      };
      expect(definition.settings.analysis.filter!.course_edge_ngram).toEqual({
        type: 'edge_ngram',
        min_gram: 2,
        max_gram: 20,
      });
      expect(definition.settings.analysis.analyzer!.course_prefix).toMatchObject({
        tokenizer: 'standard',
        filter: ['lowercase', 'asciifolding', 'course_edge_ngram'],
      });
      const { properties } = definition.mappings;
      expect(definition.mappings.dynamic).toBe('strict');
      expect(properties.title).toEqual({
        type: 'text',
        analyzer: 'english',
        fields: {
          prefix: { type: 'text', analyzer: 'course_prefix', search_analyzer: 'course_prefix_search' },
        },
      });
      expect(properties.description).toMatchObject({ analyzer: 'english' });
      expect(properties.tags).toMatchObject({ type: 'keyword' });
      expect(properties.level).toEqual({ type: 'keyword' });
      expect(properties.seatsLeft).toEqual({ type: 'integer' });
      expect(properties.startsAt).toEqual({ type: 'date' });
      expect(properties.published).toEqual({ type: 'boolean' });
    });

    it('leaves an existing index alone', async () => {
      double.on('HEAD', '/courses', { status: 200 });
      await open();
      expect(double.find('PUT', /.*/)).toEqual([]);
    });

    it('takes the index name from the URL path and the credentials from its user info', async () => {
      double.on('HEAD', '/catalog-v2', { status: 200 });
      const withUser = double.url.replace('http://', 'http://search:s3cret@');
      index = await openSearchIndex(`${withUser}/catalog-v2`);
      const [head] = double.requests;
      expect(head).toMatchObject({ method: 'HEAD', path: '/catalog-v2' });
      expect(head!.headers.authorization).toBe(`Basic ${Buffer.from('search:s3cret').toString('base64')}`);
    });

    it('treats an index created concurrently by another instance as created', async () => {
      double.on('PUT', '/courses', {
        status: 400,
        body: { error: { type: 'resource_already_exists_exception' }, status: 400 },
      });
      await expect(open()).resolves.toBeDefined();
    });

    it('recreates the index on reset, ignoring one that is already gone', async () => {
      const subject = await opened();
      double.on('DELETE', '/courses', {
        status: 404,
        body: { error: { type: 'index_not_found_exception' } },
      });
      double.on('HEAD', '/courses', { status: 404 });
      await subject.reset();
      expect(double.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'DELETE /courses',
        'HEAD /courses',
        'PUT /courses',
      ]);
    });

    it('pings the node', async () => {
      const subject = await opened();
      await subject.ping();
      expect(double.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['HEAD /']);
    });
  });

  describe('writes', () => {
    it('upserts documents in one _bulk request of NDJSON index actions keyed by id', async () => {
      const subject = await opened();
      await subject.upsert([kubernetes, cooking]);
      const [bulk] = double.find('PUT', '/courses/_bulk');
      expect(double.requests).toHaveLength(1);
      expect(bulk!.headers['content-type']).toBe('application/x-ndjson');
      expect(bulk!.body.endsWith('\n')).toBe(true);
      expect(
        bulk!.body
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown),
      ).toEqual([{ index: { _id: 'course-1' } }, kubernetes, { index: { _id: 'course-2' } }, cooking]);
    });

    it('removes by id with delete actions, an absent id not being an error', async () => {
      const subject = await opened();
      double.on('PUT', '/courses/_bulk', {
        status: 200,
        body: {
          errors: false,
          items: [
            { delete: { _id: 'course-1', status: 200, result: 'deleted' } },
            { delete: { _id: 'gone', status: 404, result: 'not_found' } },
          ],
        },
      });
      await subject.remove(['course-1', 'gone']);
      const lines = double.find('PUT', '/courses/_bulk')[0]!.body.trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
        { delete: { _id: 'course-1' } },
        { delete: { _id: 'gone' } },
      ]);
    });

    it('sends nothing for an empty batch', async () => {
      const subject = await opened();
      await subject.upsert([]);
      await subject.remove([]);
      expect(double.requests).toEqual([]);
    });

    it('rejects a bulk whose items failed, naming the first failed document', async () => {
      const subject = await opened();
      double.on('PUT', '/courses/_bulk', {
        status: 200,
        body: {
          errors: true,
          items: [
            { index: { _id: 'course-1', status: 201 } },
            {
              index: {
                _id: 'course-2',
                status: 400,
                error: { type: 'strict_dynamic_mapping_exception', reason: 'mapping set to strict' },
              },
            },
          ],
        },
      });
      const attempt = subject.upsert([kubernetes, cooking]);
      await expect(attempt).rejects.toThrow(SearchIndexError);
      await expect(attempt).rejects.toThrow(/1 of 2 .* course-2: strict_dynamic_mapping_exception/);
    });
  });

  describe('queries', () => {
    it('sends multi_match with title boosted over description and fuzziness AUTO, filters, facets and paging', async () => {
      const subject = await opened();
      await subject.query({ q: ' kubernetes ', tag: 'devops', level: 'intermediate', page: 3, pageSize: 10 });
      expect(double.lastJson('POST', '/courses/_search')).toEqual({
        from: 20,
        size: 10,
        track_total_hits: true,
        query: {
          bool: {
            must: [
              {
                multi_match: {
                  query: 'kubernetes',
                  fields: [
                    'title^3',
                    'title.prefix^2',
                    'tags.text^2',
                    'description',
                    'description.prefix^0.5',
                  ],
                  type: 'best_fields',
                  fuzziness: 'AUTO',
                  operator: 'or',
                },
              },
            ],
            filter: [
              { term: { published: true } },
              { term: { tags: 'devops' } },
              { term: { level: 'intermediate' } },
            ],
          },
        },
        sort: ['_score', { startsAt: 'asc' }, { id: 'asc' }],
        aggs: {
          tags: { terms: { field: 'tags', size: 50, order: [{ _count: 'desc' }, { _key: 'asc' }] } },
          levels: { terms: { field: 'level', size: 10, order: [{ _count: 'desc' }, { _key: 'asc' }] } },
        },
      });
    });

    it('without text, matches every published course in start order', async () => {
      const subject = await opened();
      await subject.query({ q: '  ', page: 1, pageSize: 20 });
      expect(double.lastJson('POST', '/courses/_search')).toMatchObject({
        from: 0,
        size: 20,
        query: { bool: { must: [], filter: [{ term: { published: true } }] } },
        sort: [{ startsAt: 'asc' }, { id: 'asc' }],
      });
    });

    it('maps hits, the total and the facet buckets to our result shape', async () => {
      const subject = await opened();
      double.on('POST', '/courses/_search', {
        status: 200,
        body: {
          took: 3,
          timed_out: false,
          hits: {
            total: { value: 42, relation: 'eq' },
            max_score: 2.1,
            hits: [
              { _index: 'courses', _id: 'course-1', _score: 2.1, _source: kubernetes },
              { _index: 'courses', _id: 'course-2', _score: 1.3, _source: cooking },
            ],
          },
          aggregations: {
            tags: {
              doc_count_error_upper_bound: 0,
              sum_other_doc_count: 0,
              buckets: [
                { key: 'devops', doc_count: 30 },
                { key: 'food', doc_count: 12 },
              ],
            },
            levels: { buckets: [{ key: 'intermediate', doc_count: 42 }] },
          },
        },
      });
      expect(await subject.query({ q: 'k', page: 2, pageSize: 2 })).toEqual({
        items: [kubernetes, cooking],
        total: 42,
        page: 2,
        pageSize: 2,
        facets: {
          tags: [
            { value: 'devops', count: 30 },
            { value: 'food', count: 12 },
          ],
          levels: [{ value: 'intermediate', count: 42 }],
        },
      });
    });

    it('surfaces a failing search as an error rather than an empty result', async () => {
      const subject = await opened();
      double.on('POST', '/courses/_search', {
        status: 500,
        body: { error: { type: 'search_phase_execution_exception' }, status: 500 },
      });
      await expect(subject.query({ page: 1, pageSize: 10 })).rejects.toThrow(
        /search_phase_execution_exception/,
      );
    });
  });
});
