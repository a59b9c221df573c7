import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/api.md is the integrators' map of the API: every HTTP route the server registers and
// every Socket.IO event of the contract must be in it, and nothing that no longer exists.
// The routes are read from their registrations (`router.add('GET', '/api/…'`) in server/http/.

const repo = join(import.meta.dirname, '..');
const doc = readFileSync(join(repo, 'docs/api.md'), 'utf8');

function registeredRoutes(): string[] {
  const dir = join(repo, 'server/http');
  const found: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/router\.add\(\s*'([A-Z]+)',\s*'([^']+)'/g)) found.push(`${m[1]} ${m[2]}`);
  }
  return found.sort();
}

function documentedRoutes(): string[] {
  return [...doc.matchAll(/^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
}

function contractEvents(name: 'ClientToServerEvents' | 'ServerToClientEvents'): string[] {
  const source = readFileSync(join(repo, 'protocol/events.ts'), 'utf8');
  const body = new RegExp(`interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s*'([a-z-]+:[a-z-]+)':/gm)].map((m) => m[1]!).sort();
}

function documentedEvents(section: string): string[] {
  const start = doc.indexOf(section);
  const next = doc.slice(start + section.length).search(/\n#{2,3} /);
  const text = doc.slice(start, next === -1 ? undefined : start + section.length + next);
  return [...text.matchAll(/^\|\s*`([a-z-]+:[a-z-]+)`/gm)].map((m) => m[1]!).sort();
}

describe('docs/api.md', () => {
  it('reads the server’s routes (the check itself works)', () => {
    expect(registeredRoutes()).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/tickets', 'GET /api/backup']));
  });

  it('lists every HTTP route the server registers, and no other', () => {
    expect(documentedRoutes()).toEqual(registeredRoutes());
  });

  it('lists every command of the socket contract', () => {
    expect(documentedEvents('### Commands')).toEqual(contractEvents('ClientToServerEvents'));
  });

  it('lists every broadcast of the socket contract', () => {
    expect(documentedEvents('### Broadcasts')).toEqual(contractEvents('ServerToClientEvents'));
  });
});
