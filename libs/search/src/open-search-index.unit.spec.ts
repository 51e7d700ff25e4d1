import { openSearchIndex, UnsupportedSearchUrlError } from './open-search-index';

describe('openSearchIndex', () => {
  it('opens the embedded index by default and for embedded:', async () => {
    for (const index of [await openSearchIndex(), await openSearchIndex('embedded:')]) {
      expect(index.persistent).toBe(false);
      await index.close();
    }
  });

  it('refuses a URL it has no adapter for, naming the scheme', async () => {
    await expect(openSearchIndex('elastic://host:9200')).rejects.toThrow(UnsupportedSearchUrlError);
    await expect(openSearchIndex('elastic://host:9200')).rejects.toThrow(/got "elastic:"/);
  });
});
