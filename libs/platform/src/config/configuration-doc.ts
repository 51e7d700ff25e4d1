import { settings } from './settings';

/** The settings table as Markdown: docs/configuration.md embeds it and a unit spec keeps the two equal. */
export function settingsMarkdownTable(): string {
  const rows = settings.map(
    (setting) =>
      `| \`${setting.name}\` | ${setting.default === undefined ? '(unset)' : `\`${setting.default}\``} | ${setting.description} |`,
  );
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
