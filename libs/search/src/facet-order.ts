import type { FacetCount } from './search-index.port';

/** Most frequent first, then alphabetically: the order OpenSearch's terms aggregation is asked for. */
export function orderFacets(counts: ReadonlyMap<string, number>, limit: number): FacetCount[] {
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
}
