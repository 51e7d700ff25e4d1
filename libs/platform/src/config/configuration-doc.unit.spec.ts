import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsMarkdownTable } from './configuration-doc';
import { settings } from './settings';

/** Table rows as trimmed cells, so prettier's column padding does not count as a difference. */
function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim())
        .join('|'),
    );
}

describe('the settings table', () => {
  it('documents every setting once, with a description', () => {
    for (const setting of settings) expect(setting.description.length).toBeGreaterThan(10);
    expect(new Set(settings.map((setting) => setting.name)).size).toBe(settings.length);
  });

  it.each(['docs/configuration.md', 'README.md'])(
    'is what %s shows (run `npm run docs:config` after changing a setting)',
    (file) => {
      const doc = readFileSync(path.resolve(__dirname, '../../../..', file), 'utf8');
      const documented = tableRows(doc);
      for (const row of tableRows(settingsMarkdownTable())) expect(documented).toContain(row);
    },
  );
});
