/** Polls until `condition` holds; fails after `tries` polls instead of asserting on a duration. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  tries = 2000,
): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}
