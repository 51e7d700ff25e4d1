/**
 * Polls `read` until `check` holds: for the effects of background work (subscriptions, timers,
 * consumers), never a timing assertion. The budget is generous because a loaded 2-core CI machine
 * can be slow; a passing run returns as soon as the condition holds.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  polls = 2000,
): Promise<T> {
  for (let attempt = 0; attempt < polls; attempt++) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}
