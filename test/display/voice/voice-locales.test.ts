import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const load = (language: string): unknown =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../locales/${language}/voice.json`), 'utf8'));

function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => entries(child, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{?\w+\}?\}/gu)].map((match) => match[0]).sort();

it('has the same voice keys and placeholders in Vietnamese and English', () => {
  const vi = new Map(entries(load('vi')));
  const en = new Map(entries(load('en')));
  expect([...vi.keys()].sort()).toEqual([...en.keys()].sort());
  for (const [key, text] of vi) expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? ''));
});
