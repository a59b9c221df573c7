/**
 * Results many callers are given unchanged (the catalogue every kiosk loads, the public site
 * view) are serialized once per value: a 2,000-procedure catalogue is megabytes of JSON, and
 * stringifying it for each request of a flood would hold the event loop for seconds.
 */
const shared = new WeakMap<object, { ok: true; value: unknown }>();
const texts = new WeakMap<object, string>();

/** The same `{ ok: true, value }` object for the same value, so its JSON text is made once. */
export function sharedOk<T extends object>(value: T): { status: number; result: { ok: true; value: T } } {
  let result = shared.get(value);
  if (!result) shared.set(value, (result = { ok: true, value }));
  return { status: 200, result: result as { ok: true; value: T } };
}

/** A result's JSON text; made once for a shared one. */
export function serializedResult(result: unknown): string {
  if (typeof result !== 'object' || result === null) return JSON.stringify(result);
  const known = texts.get(result);
  if (known !== undefined) return known;
  const text = JSON.stringify(result);
  if (isShared(result)) texts.set(result, text);
  return text;
}

function isShared(result: object): boolean {
  const value = (result as { value?: unknown }).value;
  return typeof value === 'object' && value !== null && shared.get(value) === result;
}
