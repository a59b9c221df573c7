import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../locales');
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const load = (lang: string, file: string) => flatten(JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Tree);

/** One parity check for every namespace of every app: the apps' own tests need not repeat it. */
describe('locales', () => {
  const files = readdirSync(join(dir, 'vi')).filter((f) => f.endsWith('.json'));

  it('vi and en have the same namespaces', () => {
    expect(
      readdirSync(join(dir, 'en'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...files].sort());
  });

  it.each(files)('%s: same keys and placeholders in vi and en, no empty strings', (file) => {
    const vi = load('vi', file);
    const en = load('en', file);
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [key, text] of vi) {
      expect(placeholders(en.get(key)!), `${file} ${key}`).toEqual(placeholders(text));
      expect(text.trim(), `${file} ${key}`).not.toBe('');
    }
  });

  it.each(files)('%s: Vietnamese text is NFC', (file) => {
    for (const [key, text] of load('vi', file)) expect(text === text.normalize('NFC'), key).toBe(true);
  });

  // Keys that code builds from numbers, so a missing one would only show on that day or in that case.
  it('has the computed keys: weekdays for the display clock, import reasons for the catalogue', () => {
    const display = load('vi', 'display.json');
    for (let day = 0; day < 7; day++) expect(display.has(`clock.weekday.${day}`), `weekday ${day}`).toBe(true);
    expect([...load('vi', 'catalogue.json').keys()].filter((k) => k.startsWith('import.')).length).toBeGreaterThan(10);
  });

  it('every error code the server can refuse with has a message', () => {
    const codes = new Set<string>();
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const path = join(d, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(
            /refuse\((?:ctx, socket, |ctx, r, )?'([a-z_]+)'|httpError\(ctx, r, '([a-z_]+)'|code: '([a-z_]+)'/g,
          )) {
            codes.add((m[1] ?? m[2] ?? m[3])!);
          }
        }
      }
    };
    walk(join(import.meta.dirname, '../server'));
    const errors = load('vi', 'errors.json');
    const missing = [...codes].filter((c) => !errors.has(c));
    expect(missing).toEqual([]);
    expect(codes.size).toBeGreaterThan(25);
  });

  it('every problem a backup can be refused for has a message', () => {
    const problems = new Set<string>();
    for (const name of readdirSync(join(import.meta.dirname, '../server/app')).filter((n) => n.startsWith('backup-'))) {
      const text = readFileSync(join(import.meta.dirname, '../server/app', name), 'utf8');
      for (const m of text.matchAll(/problem: '([a-z_]+)'|'([A-Z_]+)': '([a-z_]+)'/g)) problems.add((m[1] ?? m[3])!);
    }
    for (const lang of ['vi', 'en'] as const) {
      const admin = load(lang, 'admin.json');
      expect([...problems].filter((p) => !admin.has(`backup.problem.${p}`))).toEqual([]);
    }
    expect(problems.size).toBeGreaterThan(15);
  });
});
