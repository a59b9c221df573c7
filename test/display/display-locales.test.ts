import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

const load = (lang: string): Tree => JSON.parse(readFileSync(new URL(`../../locales/${lang}/display.json`, import.meta.url), 'utf8')) as Tree;

/** Every leaf key with the sorted placeholders of its message. */
function leaves(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort());
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

describe('display translations', () => {
  const vi = leaves(load('vi'));
  const en = leaves(load('en'));

  it('has the same keys and placeholders in Vietnamese and English', () => {
    expect([...en.entries()].sort()).toEqual([...vi.entries()].sort());
  });

  it('names all seven weekdays', () => {
    for (let day = 0; day < 7; day += 1) expect(vi.has(`clock.weekday.${day}`)).toBe(true);
  });
});
