import { badRequest, ProblemError } from './problem-error';

/*
 * An event-sourced resource's version is its stream revision, sent as a weak ETag (`W/"3"`): weak because it names
 * the state, not the bytes of one representation. If-Match accepts `W/"3"`, `"3"` and `3`.
 */
export const etagOf = (revision: bigint): string => `W/"${revision}"`;

const ifMatchPattern = /^(?:W\/)?"?(\d+)"?$/;

/** The revision a write must apply to; refuses a PATCH without one (428) or with a garbled one (400). */
export function requiredIfMatch(header: string | undefined): bigint {
  const value = header?.trim();
  if (!value)
    throw new ProblemError({
      status: 428,
      type: 'if-match-required',
      title: 'Precondition Required',
      detail: 'Send If-Match with the ETag of the version you edited.',
    });
  return parseIfMatch(value);
}

/** For writes where If-Match is optional (publish, archive): undefined when absent. */
export function optionalIfMatch(header: string | undefined): bigint | undefined {
  const value = header?.trim();
  return value ? parseIfMatch(value) : undefined;
}

function parseIfMatch(value: string): bigint {
  const match = ifMatchPattern.exec(value);
  if (!match)
    throw badRequest(`If-Match must be an ETag such as W/"3", got ${value}.`, { type: 'invalid-if-match' });
  return BigInt(match[1]!);
}
