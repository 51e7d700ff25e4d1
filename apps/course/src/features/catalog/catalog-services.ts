import type { Cache } from '@quizbook/cache';
import type { AnySqlDatabase, SqlDatabase } from '@quizbook/database';
import type { SearchIndex } from '@quizbook/search';
import type { CatalogTables } from './catalog.tables';
import { CourseDetailCache } from './course-detail-cache';

/** Everything the catalog routes and its feed share, built once per app start. */
export interface CatalogServices {
  readDb: SqlDatabase<CatalogTables>;
  searchIndex: SearchIndex;
  details: CourseDetailCache;
}

export const CATALOG_SERVICES = 'course:CATALOG_SERVICES';

export function createCatalogServices(deps: {
  readDb: AnySqlDatabase;
  cache: Cache;
  searchIndex: SearchIndex;
}): CatalogServices {
  return {
    readDb: deps.readDb as SqlDatabase<CatalogTables>,
    searchIndex: deps.searchIndex,
    details: new CourseDetailCache(deps.cache),
  };
}
