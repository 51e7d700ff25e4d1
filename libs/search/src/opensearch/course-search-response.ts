import type { CourseDocument, FacetCount, SearchQuery, SearchResult } from '../search-index.port';

interface Bucket {
  key: string | number;
  doc_count: number;
}

/** The parts of a _search answer we read; everything else OpenSearch sends is ignored. */
export interface OpenSearchSearchBody {
  hits: {
    total?: number | { value: number; relation?: string };
    hits: { _id: string; _source?: CourseDocument }[];
  };
  aggregations?: Record<string, { buckets?: Bucket[] } | undefined>;
}

const facetsOf = (aggregation: { buckets?: Bucket[] } | undefined): FacetCount[] =>
  (aggregation?.buckets ?? []).map((bucket) => ({ value: String(bucket.key), count: bucket.doc_count }));

export function courseSearchResult(body: OpenSearchSearchBody, query: SearchQuery): SearchResult {
  const total = body.hits.total;
  return {
    items: body.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : [])),
    total: typeof total === 'number' ? total : (total?.value ?? body.hits.hits.length),
    page: query.page,
    pageSize: query.pageSize,
    facets: { tags: facetsOf(body.aggregations?.tags), levels: facetsOf(body.aggregations?.levels) },
  };
}
