import { maxLevelFacets, maxTagFacets, type SearchQuery } from '../search-index.port';

/**
 * The query DSL for one catalog search. Boosts mirror the embedded adapter: title over tags over
 * description, with prefix sub-fields scoring below whole-word hits; fuzziness AUTO allows one
 * typo from 3 characters and two from 6. Filters sit in `filter` context so they do not score.
 */
export function courseSearchRequest({ q, tag, level, page, pageSize }: SearchQuery): Record<string, unknown> {
  const text = q?.trim();
  const filter: Record<string, unknown>[] = [{ term: { published: true } }];
  if (tag !== undefined) filter.push({ term: { tags: tag } });
  if (level !== undefined) filter.push({ term: { level } });
  const must = text
    ? [
        {
          multi_match: {
            query: text,
            fields: ['title^3', 'title.prefix^2', 'tags.text^2', 'description', 'description.prefix^0.5'],
            type: 'best_fields',
            fuzziness: 'AUTO',
            operator: 'or',
          },
        },
      ]
    : [];
  const facetOrder = [{ _count: 'desc' }, { _key: 'asc' }];
  return {
    from: (page - 1) * pageSize,
    size: pageSize,
    track_total_hits: true,
    query: { bool: { must, filter } },
    sort: [...(text ? ['_score'] : []), { startsAt: 'asc' }, { id: 'asc' }],
    aggs: {
      tags: { terms: { field: 'tags', size: maxTagFacets, order: facetOrder } },
      levels: { terms: { field: 'level', size: maxLevelFacets, order: facetOrder } },
    },
  };
}
