import { createEmbeddedSearchIndex } from './embedded/embedded-search-index';
import type { SearchIndex } from './search-index.port';

export class UnsupportedSearchUrlError extends Error {
  override readonly name = 'UnsupportedSearchUrlError';
}

/** The one place that picks a search adapter: `embedded:` (default) or an OpenSearch `http(s)://` URL. */
export async function openSearchIndex(url = 'embedded:'): Promise<SearchIndex> {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  switch (scheme) {
    case 'embedded:':
      return createEmbeddedSearchIndex();
    case 'http:':
    case 'https:': {
      // Loaded on demand so the embedded profile never loads the OpenSearch client.
      const { OpenSearchSearchIndex } = await import('./opensearch/opensearch-search-index');
      return OpenSearchSearchIndex.open(url);
    }
    default:
      throw new UnsupportedSearchUrlError(
        `SEARCH_URL must be embedded: or an http:// or https:// OpenSearch URL, got "${scheme || url}"`,
      );
  }
}
