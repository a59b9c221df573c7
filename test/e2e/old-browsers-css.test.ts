import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Chromium before 79 drops a declaration that uses min(), max() or clamp(): every such
// declaration in the lobby screens' styles needs a plain one of the same property just before.

const repo = join(import.meta.dirname, '../..');
const folders = ['kiosk', 'display', 'client'];

async function cssFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? cssFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.css') ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

describe('lobby screen styles on Chromium 69', () => {
  it('give every min(), max() and clamp() declaration a fallback', async () => {
    const missing: string[] = [];
    for (const folder of folders) {
      for (const file of await cssFiles(join(repo, folder))) {
        const declarations = (await readFile(file, 'utf8'))
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => /^[a-z-]+:/.test(l));
        declarations.forEach((line, i) => {
          const property = line.slice(0, line.indexOf(':'));
          if (!/(?<![a-z])(min|max|clamp)\(/.test(line.slice(property.length))) return;
          const before = declarations[i - 1];
          if (!before?.startsWith(`${property}:`) || /(?<![a-z])(min|max|clamp)\(/.test(before))
            missing.push(`${file.slice(repo.length + 1)}: ${line}`);
        });
      }
    }
    expect(missing).toEqual([]);
  });
});
