import { Client } from '@opensearch-project/opensearch';
import {
  type CourseDocument,
  type SearchIndex,
  SearchIndexError,
  type SearchQuery,
  type SearchResult,
} from '../search-index.port';
import { courseIndexDefinition } from './course-index-definition';
import { courseSearchRequest } from './course-search-request';
import { courseSearchResult, type OpenSearchSearchBody } from './course-search-response';
import { parseOpenSearchUrl } from './opensearch-url';

interface BulkItem {
  [action: string]: { _id?: string; status?: number; error?: { type?: string; reason?: string } };
}

/**
 * The production adapter. The index is created with its mapping on open when it is missing, so a
 * fresh cluster needs no manual step; writes go through _bulk in one request per call.
 */
export class OpenSearchSearchIndex implements SearchIndex {
  readonly persistent = true;

  private constructor(
    private readonly client: Client,
    readonly index: string,
  ) {}

  static async open(url: string): Promise<OpenSearchSearchIndex> {
    const { node, auth, index } = parseOpenSearchUrl(url);
    const client = new Client({ node, ...(auth ? { auth } : {}), maxRetries: 2, requestTimeout: 10_000 });
    const searchIndex = new OpenSearchSearchIndex(client, index);
    try {
      await searchIndex.ensureIndex();
    } catch (error) {
      await client.close();
      throw error;
    }
    return searchIndex;
  }

  async ensureIndex(): Promise<void> {
    const exists = await this.client.indices.exists({ index: this.index });
    if (exists.body === true) return;
    // Another instance may create it between our check and our create: that is success too.
    const created = await this.client.indices.create(
      { index: this.index, body: courseIndexDefinition as never },
      { ignore: [400] },
    );
    const error = (created.body as { error?: { type?: string } } | undefined)?.error;
    if (error && error.type !== 'resource_already_exists_exception') {
      throw new SearchIndexError(`cannot create index ${this.index}: ${JSON.stringify(error)}`);
    }
  }

  async upsert(documents: readonly CourseDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.bulk(documents.flatMap((document): object[] => [{ index: { _id: document.id } }, document]));
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.bulk(ids.map((id) => ({ delete: { _id: id } })));
  }

  async query(query: SearchQuery): Promise<SearchResult> {
    const response = await this.client.search({
      index: this.index,
      body: courseSearchRequest(query) as never,
    });
    return courseSearchResult(response.body as unknown as OpenSearchSearchBody, query);
  }

  async reset(): Promise<void> {
    await this.client.indices.delete({ index: this.index }, { ignore: [404] });
    await this.ensureIndex();
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async bulk(body: object[]): Promise<void> {
    const response = await this.client.bulk({ index: this.index, body: body as Record<string, unknown>[] });
    const { errors, items } = response.body as unknown as { errors: boolean; items: BulkItem[] };
    if (!errors) return;
    // A delete of an absent id answers 404 without an `error`: only real failures count.
    const failures = items
      .map((item) => Object.values(item)[0])
      .filter((result) => result?.error !== undefined);
    if (failures.length === 0) return;
    const first = failures[0]!;
    throw new SearchIndexError(
      `${failures.length} of ${items.length} bulk operations failed; first on ${first._id}: ${
        first.error?.type ?? 'error'
      } ${first.error?.reason ?? ''}`.trim(),
    );
  }
}
