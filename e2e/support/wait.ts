/**
 * How long the browser tests wait for a condition before they give up. These are deadlines, never delays:
 * every wait ends as soon as its condition holds, so a fast machine is not slowed down, and a machine that is
 * many times slower (shared CPU cores, other test runs beside this one) still passes.
 */

/** One step of the interface: an element appearing after a click, a page loading, a query answering. */
export const STEP_TIMEOUT = 90_000;

/** A background job on the server (an identification run) from its start to its end. */
export const JOB_TIMEOUT = 300_000;

/** Starting a server, or building the seeded demo database it starts from. */
export const SERVER_TIMEOUT = 480_000;

/** How often a condition is checked again while waiting for it. */
const POLL_INTERVAL_MS = 100;

/**
 * Calls `probe` until it returns a value other than undefined and returns that value; fails naming `what`
 * once `timeoutMs` have passed without it. An error thrown by `probe` ends the wait at once.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number = STEP_TIMEOUT,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
