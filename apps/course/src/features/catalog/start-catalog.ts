import type { AppContext } from '@quizbook/platform';
import { startCatalogFeed, type CatalogFeed } from './catalog-feed';
import { CATALOG_SERVICES, type CatalogServices } from './catalog-services';

/**
 * For the course app's onStart: feeds the catalog rows and the search index from the course
 * streams, and reports readiness once caught up and while the index answers.
 */
export async function startCatalog({
  nest,
  eventStore,
  logger,
  readiness,
  lifecycle,
}: Pick<
  AppContext<'eventStore'>,
  'nest' | 'eventStore' | 'logger' | 'readiness' | 'lifecycle'
>): Promise<CatalogFeed> {
  const services = nest.get<CatalogServices>(CATALOG_SERVICES);
  const feed = await startCatalogFeed({ services, eventStore, logger });
  lifecycle.onShutdown('catalog feed', () => feed.close());
  let caughtUp = false;
  feed.caughtUp.then(
    () => (caughtUp = true),
    () => undefined,
  );
  readiness.add('catalog', async () => {
    if (!caughtUp) throw new Error('catalog catching up');
  });
  readiness.add('search', () => services.searchIndex.ping());
  return feed;
}
