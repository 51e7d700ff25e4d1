import { searchIndexContract } from '../../../testing/src/contracts/search-index.contract';
import { openSearchIndex } from '../open-search-index';

searchIndexContract('embedded (minisearch)', () => openSearchIndex('embedded:'));
