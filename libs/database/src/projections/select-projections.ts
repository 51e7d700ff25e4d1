import type { Projection } from './projection';

export type ProjectionSelection =
  | { kind: 'rebuild'; projections: Projection[] }
  /** Nothing to do, and that is fine (no projections registered yet). */
  | { kind: 'nothing'; message: string }
  | { kind: 'usage-error'; message: string };

/**
 * Reads the rebuild CLI's arguments: `--all`, or one or more projection names. No argument is an
 * error rather than "all", so a full rebuild is always asked for explicitly.
 */
export function selectProjections(
  args: readonly string[],
  registered: readonly Projection[],
): ProjectionSelection {
  const all = args.includes('--all');
  const names = args.filter((arg) => arg !== '--all');
  const unknownOption = names.find((name) => name.startsWith('-'));
  if (unknownOption) return { kind: 'usage-error', message: `unknown option ${unknownOption}` };
  if (all && names.length > 0)
    return { kind: 'usage-error', message: 'give --all or projection names, not both' };
  if (registered.length === 0 && (all || names.length === 0)) {
    return { kind: 'nothing', message: 'no projections registered: nothing to rebuild' };
  }
  const known = registered.map((projection) => projection.name);
  if (!all && names.length === 0) {
    return {
      kind: 'usage-error',
      message: `name a projection or pass --all (registered: ${known.join(', ')})`,
    };
  }
  if (all) return { kind: 'rebuild', projections: [...registered] };

  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    const registeredList = known.length > 0 ? `registered: ${known.join(', ')}` : 'no projections registered';
    return { kind: 'usage-error', message: `unknown projection ${unknown.join(', ')} (${registeredList})` };
  }
  const wanted = new Set(names);
  return { kind: 'rebuild', projections: registered.filter((projection) => wanted.has(projection.name)) };
}
