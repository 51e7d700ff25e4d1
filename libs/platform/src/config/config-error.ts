/** Wrong settings, one line per variable; the entry points print them and exit 1, without a stack. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}
