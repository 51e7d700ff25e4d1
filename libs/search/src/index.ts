export * from './search-index.port';
export * from './open-search-index';
export { createEmbeddedSearchIndex, EmbeddedSearchIndex } from './embedded/embedded-search-index';
// The OpenSearch adapter itself is reached through openSearchIndex, which loads its client on demand.
export type { OpenSearchSearchIndex } from './opensearch/opensearch-search-index';
export { courseIndexDefinition } from './opensearch/course-index-definition';
export { courseSearchRequest } from './opensearch/course-search-request';
export { parseOpenSearchUrl, type OpenSearchTarget } from './opensearch/opensearch-url';
