/**
 * What the lobby screens need from browsers newer than the Chromium 69 many lobby TVs and
 * Android boxes still run (docs/deploy.md, "Old screens"). The build lowers the syntax (vite.config.ts,
 * `target`); these fill in the library functions the apps and their packages call. Each is
 * defined only where the browser lacks it. Imported first by the display, the kiosk and the
 * follow page; test/e2e/old-browsers.test.ts removes the originals in Chromium and runs the apps.
 */

function define<T extends object>(target: T, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

// Chromium 71.
if (typeof globalThis === 'undefined') define(window, 'globalThis', window);

// Chromium 93. (Biome would rewrite the call below into `Object.hasOwn`, which here would call itself.)
define(Object, 'hasOwn', (object: object, key: PropertyKey) =>
  // biome-ignore lint/suspicious/noPrototypeBuiltins: this defines Object.hasOwn for browsers without it
  Object.prototype.hasOwnProperty.call(object, key),
);

// Chromium 92: `.at(-1)`, the last item.
function at(this: ArrayLike<unknown>, index: number): unknown {
  const i = Math.trunc(index) || 0;
  const k = i < 0 ? this.length + i : i;
  return k >= 0 && k < this.length ? this[k] : undefined;
}
define(Array.prototype, 'at', at);
define(String.prototype, 'at', at);

// Chromium 73.
define(Object, 'fromEntries', (entries: Iterable<readonly [PropertyKey, unknown]>) => {
  const object: Record<PropertyKey, unknown> = {};
  for (const [key, value] of entries) object[key] = value;
  return object;
});

// Chromium 73: every match of a global pattern, with its groups.
define(String.prototype, 'matchAll', function* matchAll(this: string, pattern: RegExp): Generator<RegExpExecArray> {
  if (!pattern.global) throw new TypeError('matchAll needs a global pattern');
  const re = new RegExp(pattern.source, pattern.flags);
  let match = re.exec(this);
  while (match !== null) {
    yield match;
    if (match[0] === '') re.lastIndex++;
    match = re.exec(this);
  }
});

// Chromium 85.
define(String.prototype, 'replaceAll', function replaceAll(this: string, search: string | RegExp, replacement: string) {
  if (search instanceof RegExp) return this.replace(search, replacement);
  return this.split(search).join(replacement);
});

// Chromium 76.
define(Promise, 'allSettled', (promises: Iterable<unknown>) =>
  Promise.all(
    Array.from(promises, (p) =>
      Promise.resolve(p).then(
        (value) => ({ status: 'fulfilled', value }),
        (reason: unknown) => ({ status: 'rejected', reason }),
      ),
    ),
  ),
);
