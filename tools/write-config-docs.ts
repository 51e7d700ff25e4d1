/** `npm run docs:config`: rewrites the settings tables of README.md and docs/configuration.md from the code. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { settingsMarkdownTable } from '@quizbook/platform';

const root = path.resolve(__dirname, '../..');
for (const file of ['README.md', 'docs/configuration.md']) {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  const updated = text.replace(
    /<!-- settings:start -->[\s\S]*?<!-- settings:end -->/,
    `<!-- settings:start -->\n${settingsMarkdownTable()}\n<!-- settings:end -->`,
  );
  if (updated === text && !text.includes('<!-- settings:start -->'))
    throw new Error(`${file} has no <!-- settings:start --> marker`);
  writeFileSync(full, updated);
  process.stderr.write(`updated ${file}\n`);
}
