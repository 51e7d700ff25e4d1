import { Module } from '@nestjs/common';
import type { Cache } from '@quizbook/cache';
import type { SqlDatabase } from '@quizbook/database';
import {
  APP_CONFIG,
  APP_LIFECYCLE,
  CACHE,
  READ_DATABASE,
  type AppConfig,
  type AppLifecycle,
} from '@quizbook/platform';
import { openSearchIndex } from '@quizbook/search';
import { CatalogController } from './catalog.controller';
import { CATALOG_SERVICES, createCatalogServices } from './catalog-services';

/**
 * `GET /courses` and `GET /courses/:id`, with the search index picked by SEARCH_URL. Needs the
 * app to use `readDb` and `cache`, and `startCatalog` in its onStart to feed the read side. It
 * brings no AuthModule: the app's root module imports that once, and the routes are public.
 */
@Module({
  controllers: [CatalogController],
  providers: [
    {
      provide: CATALOG_SERVICES,
      inject: [READ_DATABASE, CACHE, APP_CONFIG, APP_LIFECYCLE],
      useFactory: async (readDb: SqlDatabase, cache: Cache, config: AppConfig, lifecycle: AppLifecycle) => {
        const searchIndex = await openSearchIndex(config.searchUrl);
        // Registered before the feed's closer, so (closers run in reverse) it closes after the feed.
        lifecycle.onShutdown('search index', () => searchIndex.close());
        return createCatalogServices({ readDb, cache, searchIndex });
      },
    },
  ],
  exports: [CATALOG_SERVICES],
})
export class CatalogModule {}
