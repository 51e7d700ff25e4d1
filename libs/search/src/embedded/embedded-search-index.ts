import MiniSearch from 'minisearch';
import { orderFacets } from '../facet-order';
import {
  type CourseDocument,
  maxLevelFacets,
  maxTagFacets,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
} from '../search-index.port';

/** Relevance settings shared with the OpenSearch query: title counts three times a description hit. */
export const embeddedSearchOptions = {
  boost: { title: 3 },
  prefix: true,
  fuzzy: 0.2,
} as const;

function newMiniSearch(): MiniSearch<CourseDocument> {
  return new MiniSearch<CourseDocument>({
    fields: ['title', 'description', 'tags'],
    extractField: (document, field) => {
      const value = document[field as keyof CourseDocument];
      return Array.isArray(value) ? value.join(' ') : value;
    },
  });
}

const byStartThenId = (a: CourseDocument, b: CourseDocument) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/**
 * In-process search for the embedded profile and the tests: minisearch for relevance, a map of
 * the documents themselves for filters, facets and paging. Nothing survives a restart
 * (`persistent: false`), so its feeder refills it on start.
 */
export class EmbeddedSearchIndex implements SearchIndex {
  readonly persistent = false;
  #search = newMiniSearch();
  readonly #documents = new Map<string, CourseDocument>();

  async upsert(documents: readonly CourseDocument[]): Promise<void> {
    for (const document of documents) {
      const copy = structuredClone(document);
      if (this.#search.has(copy.id)) this.#search.replace(copy);
      else this.#search.add(copy);
      this.#documents.set(copy.id, copy);
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (!this.#search.has(id)) continue;
      this.#search.discard(id);
      this.#documents.delete(id);
    }
  }

  async query({ q, tag, level, page, pageSize }: SearchQuery): Promise<SearchResult> {
    const keep = (document: CourseDocument | undefined): document is CourseDocument =>
      document !== undefined &&
      document.published &&
      (tag === undefined || document.tags.includes(tag)) &&
      (level === undefined || document.level === level);

    const text = q?.trim();
    const matches = text
      ? this.#search
          .search(text, embeddedSearchOptions)
          .map((hit) => ({ document: this.#documents.get(hit.id as string), score: hit.score }))
          .filter((hit): hit is { document: CourseDocument; score: number } => keep(hit.document))
          .sort((a, b) => b.score - a.score || byStartThenId(a.document, b.document))
          .map((hit) => hit.document)
      : [...this.#documents.values()].filter(keep).sort(byStartThenId);

    const tags = new Map<string, number>();
    const levels = new Map<string, number>();
    for (const document of matches) {
      for (const value of new Set(document.tags)) tags.set(value, (tags.get(value) ?? 0) + 1);
      levels.set(document.level, (levels.get(document.level) ?? 0) + 1);
    }
    const from = (page - 1) * pageSize;
    return {
      items: matches.slice(from, from + pageSize).map((document) => structuredClone(document)),
      total: matches.length,
      page,
      pageSize,
      facets: { tags: orderFacets(tags, maxTagFacets), levels: orderFacets(levels, maxLevelFacets) },
    };
  }

  async reset(): Promise<void> {
    this.#search = newMiniSearch();
    this.#documents.clear();
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.reset();
  }
}

export function createEmbeddedSearchIndex(): SearchIndex {
  return new EmbeddedSearchIndex();
}
