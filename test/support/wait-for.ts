/**
 * Polls `condition` until it holds. Tests wait for conditions, never for fixed times: the CI
 * machine is a slow, busy two-core box, so the timeout is generous and only bounds a failure.
 */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** {@link waitFor} for a condition that must be asked for (an HTTP request): asked again 10 ms after each answer. */
export async function waitForAnswer(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
