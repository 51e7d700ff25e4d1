/**
 * The search port: full-text search over published course documents, with tag and level facets.
 * Every adapter (embedded minisearch, OpenSearch) answers the same queries the same way; the
 * embedded one passes libs/testing/src/contracts/search-index.contract.ts, and the OpenSearch one
 * is checked at the wire against the same query shapes.
 */

/** What the catalog shows in a result list; everything a filter, facet or sort needs is here. */
export interface CourseDocument {
  id: string;
  title: string;
  description: string;
  tags: string[];
  level: string;
  priceCents: number;
  currency: string;
  seatsLeft: number;
  /** ISO 8601. */
  startsAt: string;
  /** Queries answer published documents only, so a draft that slips in is never shown. */
  published: boolean;
}

export interface SearchQuery {
  /** Free text over title (weighted highest), description and tags, prefix- and typo-tolerant. */
  q?: string;
  tag?: string;
  level?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  items: CourseDocument[];
  /** Every match of q and the filters, not just this page. */
  total: number;
  page: number;
  pageSize: number;
  /** Counted over every match, most frequent first, then alphabetically. */
  facets: { tags: FacetCount[]; levels: FacetCount[] };
}

export interface SearchIndex {
  /**
   * False when the documents live in this process only (embedded): whoever feeds the index must
   * then fill it again on every start, since its checkpoint outlives the documents.
   */
  readonly persistent: boolean;
  /** Inserts or replaces whole documents by id, in one round trip. */
  upsert(documents: readonly CourseDocument[]): Promise<void>;
  /** Removing an absent id is not an error. */
  remove(ids: readonly string[]): Promise<void>;
  query(query: SearchQuery): Promise<SearchResult>;
  /** Drops every document and recreates the index (with its current mapping), for a rebuild. */
  reset(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Facet lists are capped so that a catalog with thousands of tags answers a bounded payload. */
export const maxTagFacets = 50;
export const maxLevelFacets = 10;

export class SearchIndexError extends Error {
  override readonly name = 'SearchIndexError';
}
