import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePolicy } from '../protocol/access.ts';
import { commandRules } from '../protocol/command-rules.ts';
import { routes } from '../protocol/routes.ts';

// docs/api.md is the integrators' map of the API: every route of the route map and every event
// of the socket contract must be in it, with the policy the server enforces, and nothing that
// no longer exists.

const doc = readFileSync(join(import.meta.dirname, '../docs/api.md'), 'utf8');

/** Table rows `| \`name\` | METHOD | \`path\` | who | what |`. */
const routeRows = [...doc.matchAll(/^\|\s*`(\w+)`\s*\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`([^`]+)`\s*\|\s*([^|]+?)\s*\|/gm)].map(
  (m) => ({
    name: m[1]!,
    method: m[2]!,
    path: m[3]!,
    who: m[4]!.trim(),
  }),
);

function section(title: string): string {
  const start = doc.indexOf(title);
  const next = doc.slice(start + title.length).search(/\n#{2,3} /);
  return doc.slice(start, next === -1 ? undefined : start + title.length + next);
}

/** Table rows `| \`domain:verb\` | who | …` of one section. */
const eventRows = (title: string) =>
  [...section(title).matchAll(/^\|\s*`([a-z-]+:[a-z-]+)`\s*\|\s*([^|]+?)\s*\|/gm)].map((m) => ({ event: m[1]!, who: m[2]!.trim() }));

function broadcasts(): string[] {
  const source = readFileSync(join(import.meta.dirname, '../protocol/events.ts'), 'utf8');
  const body = /interface ServerToClientEvents \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s*'([a-z-]+:[a-z-]+)':/gm)].map((m) => m[1]!).sort();
}

describe('docs/api.md', () => {
  it('lists every route of the route map, with its method, path and policy, and no other', () => {
    const expected = Object.entries(routes).map(([name, r]) => ({ name, method: r.method, path: r.path, who: describePolicy(r.policy) }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...routeRows].sort(byName)).toEqual(expected.sort(byName));
  });

  it('lists every socket command with the policy the gateway enforces', () => {
    const expected = Object.entries(commandRules).map(([event, r]) => ({ event, who: describePolicy(r.policy) }));
    const byEvent = (a: { event: string }, b: { event: string }) => a.event.localeCompare(b.event);
    expect(eventRows('### Commands').sort(byEvent)).toEqual(expected.sort(byEvent));
  });

  it('lists every broadcast of the socket contract', () => {
    expect(
      eventRows('### Broadcasts')
        .map((r) => r.event)
        .sort(),
    ).toEqual(broadcasts());
  });
});
