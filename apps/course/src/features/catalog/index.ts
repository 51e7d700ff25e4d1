export { CatalogModule } from './catalog.module';
export { startCatalog } from './start-catalog';
export type { CatalogFeed } from './catalog-feed';
