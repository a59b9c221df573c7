import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

function load(lang: string, ns: string): Tree {
  return JSON.parse(readFileSync(new URL(`../../locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Tree;
}

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

describe.each(['counter', 'rating'])('%s translations', (ns) => {
  const vi = leaves(load('vi', ns));
  const en = leaves(load('en', ns));

  it('has the same keys in Vietnamese and English', () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, placeholders] of vi) expect({ key, placeholders: en.get(key) }).toEqual({ key, placeholders });
  });

  it('has no empty message', () => {
    const texts = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : texts(v)));
    expect(texts(load('vi', ns)).filter((s) => s.trim() === '')).toEqual([]);
    expect(texts(load('en', ns)).filter((s) => s.trim() === '')).toEqual([]);
  });
});
