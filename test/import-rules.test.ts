import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importCycles, type LayerRule, readImportGraph, ruleViolations } from './support/import-graph.ts';

/** The server's parts below the application use these and never reach up into it (the logger and the clocks are leaves). */
const serverBase = ['protocol', 'server/core', 'server/log.ts', 'server/clock.ts'];
const app: LayerRule = { mayImport: ['client', 'protocol', 'locales'], browser: true };
const tool: LayerRule = { mayImport: 'anything' };

/**
 * Who may import what (docs/architecture.md, "Layers"). A file belongs to the longest layer
 * containing it and may always import its own layer. A new top-level folder needs a row here.
 */
const layers: Record<string, LayerRule> = {
  // The contract everything else shares; it imports nothing of the project.
  protocol: { mayImport: [], packages: ['valibot'] },
  // The queue rules are pure: no I/O, not even a package.
  'server/core': { mayImport: ['protocol'], packages: [] },
  // Drivers know the contract and the ticket's words, nothing of the server (it hands them a logger).
  hardware: { mayImport: ['protocol', 'locales'] },
  'server/store': { mayImport: serverBase },
  'server/engine': { mayImport: [...serverBase, 'server/store'] },
  'server/views': { mayImport: [...serverBase, 'server/store'] },
  // Their files are written through the store's durable file (one owner each, synced, previous copy kept).
  'server/auth': { mayImport: [...serverBase, 'server/store'] },
  // The import also reads TCVN-3 files with the printer's table of that encoding.
  'server/catalogue': { mayImport: [...serverBase, 'server/store', 'hardware/printer/vietnamese-tcvn3.ts'] },
  'server/devices': { mayImport: [...serverBase, 'hardware'] },
  'server/printing': { mayImport: [...serverBase, 'hardware', 'server/store', 'server/views'] },
  // The application, its gateway and HTTP API, the composition root: any part of the server, never the apps.
  server: { mayImport: ['protocol', 'hardware'] },
  // Browser code: the apps share client/ and the contract, and never import one another or the server.
  client: { mayImport: ['protocol', 'locales'], browser: true },
  kiosk: app,
  display: app,
  counter: app,
  admin: app,
  // The province hub: the contract, the pure core and the infrastructure both programs share;
  // never the centre's engine, store, gateway or context. Its app is an app like the others.
  hub: {
    mayImport: [
      ...serverBase,
      'server/i18n.ts',
      'server/http/router.ts',
      'server/http/raw-body.ts',
      'server/http/static-files.ts',
      'server/http/problem-list.ts',
      'server/auth/passwords.ts',
      'server/auth/tokens.ts',
      'server/auth/sign-in-attempts.ts',
      'server/http/security-headers.ts',
      // Browser apps' tokens in HttpOnly cookies, read and refused across sites as at a centre.
      'server/http/auth-cookies.ts',
      'server/http/credential.ts',
      'server/http/cross-site.ts',
      'server/app/results.ts',
      'server/app/reports.ts',
      'server/app/csv-style.ts',
      'server/app/report-csv.ts',
      'server/catalogue',
      'server/webhooks/webhook-post.ts',
      'server/webhooks/webhook-signature.ts',
    ],
  },
  'hub/app': app,
  test: tool,
  bench: tool,
  scripts: tool,
  'vite.config.ts': tool,
  'vitest.config.ts': tool,
  'vitest.soak.config.ts': tool,
};

describe('imports point one way', () => {
  const graph = readImportGraph(join(import.meta.dirname, '..'));

  it('reads the whole tree', () => {
    expect([...graph.keys()]).toEqual(
      expect.arrayContaining(['protocol/events.ts', 'server/main.ts', 'kiosk/main.tsx', 'test/import-rules.test.ts']),
    );
  });

  it('every file is in a layer and imports only what its layer may', () => {
    expect(ruleViolations(graph, layers)).toEqual([]);
  });

  it('no import cycles, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('the import checks themselves', () => {
  const graph: ImportGraph = new Map([
    ['protocol/views.ts', [{ kind: 'file', target: 'protocol/reports.ts', line: 1 }]],
    ['protocol/reports.ts', [{ kind: 'file', target: 'protocol/views.ts', line: 1 }]],
    ['protocol/site-config.ts', [{ kind: 'file', target: 'display/voice/voice-config.ts', line: 4 }]],
    ['display/voice/voice-config.ts', [{ kind: 'package', name: 'node:fs', line: 2 }]],
    ['server/core/queue.ts', [{ kind: 'package', name: 'lowdb', line: 3 }]],
    ['notes/draft.ts', []],
  ]);

  it('name each forbidden import with its line, and each file outside every layer', () => {
    expect(ruleViolations(graph, layers)).toEqual([
      'protocol/site-config.ts:4 imports display/voice/voice-config.ts, but protocol may import nothing else of the project',
      'display/voice/voice-config.ts:2 imports node:fs, but display runs in the browser',
      'server/core/queue.ts:3 imports package lowdb, but server/core may import no package',
      'notes/draft.ts: belongs to no layer; add its folder to the layer table',
    ]);
  });

  it('name each cycle as a path back to its start', () => {
    expect(importCycles(graph)).toEqual(['protocol/reports.ts → protocol/views.ts → protocol/reports.ts']);
  });
});
