import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../protocol/admin.ts';
import type { Catalogue, Procedure } from '../../protocol/catalogue.ts';
import { validateCatalogueData } from '../../server/catalogue/import.ts';
import { StoreError } from '../../server/store/store-error.ts';
import { command, TestServer } from '../support/test-server.ts';

const code = '1.001193';

describe('one owner per data file, and errors that say what they are (issue 12)', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(() => server?.close());

  const served = async () => ((await server.request<Catalogue>('GET', '/api/catalogue')).body as { value: Catalogue }).value;

  it('a catalogue import and a procedure edit sent together, 32 times: every answer true, the file valid, no edit lost', async () => {
    const base = await served();
    for (let round = 0; round < 32; round++) {
      const imported: Catalogue = {
        ...base,
        procedures: base.procedures.map((p) => (p.code === code ? { ...p, name: `import ${round}` } : p)),
      };
      const edited: Procedure = { ...base.procedures.find((p) => p.code === code)!, name: `edit ${round}` };
      const [imp, edit] = await Promise.all([
        fetch(`${server.url}/api/catalogue/import?name=catalogue.json`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}` },
          body: JSON.stringify(imported),
        }).then((r) => r.status),
        server.request('PUT', `/api/catalogue/procedures/${code}`, edited, admin).then((r) => r.status),
      ]);
      expect([imp, edit], `round ${round}`).toEqual([200, 200]);
      const onDisk = JSON.parse(await readFile(join(server.dataDir, 'catalogue.json'), 'utf8')) as Catalogue;
      expect(validateCatalogueData(onDisk).ok, `round ${round}`).toBe(true);
      expect(onDisk).toEqual(await served());
      // Whichever came last is what the file holds: the audit log says which that was.
      const log = await server.request<AuditEntry[]>('GET', '/api/audit?limit=2', undefined, admin);
      const last = log.body.ok ? log.body.value[0]!.action : '';
      const name = onDisk.procedures.find((p) => p.code === code)!.name;
      expect(name, `round ${round}`).toBe(last === 'catalogue.procedure' ? `edit ${round}` : `import ${round}`);
    }
  }, 120_000);

  it('an unexpected fault is internal_error (500), not a full disk; a disk fault is store_unavailable with its problem', async () => {
    const ctx = server.server.ctx;
    const execute = ctx.engine.execute.bind(ctx.engine);
    const kiosk = await server.socket(await server.deviceToken('kiosk'), 'en');
    try {
      ctx.engine.execute = () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'id')"));
      const socketBug = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
      expect(!socketBug.ok && socketBug.error).toMatchObject({
        code: 'internal_error',
        message: expect.stringContaining('unexpected error'),
      });
      const httpBug = await server.request('POST', '/api/tickets', { serviceId: 'civil-status' }, admin);
      expect(httpBug.status).toBe(500);
      expect(!httpBug.body.ok && httpBug.body.error.code).toBe('internal_error');

      ctx.engine.execute = () => Promise.reject(new StoreError('read_only', '/var/motcua', new Error('EROFS')));
      const disk = await server.request('POST', '/api/tickets?lang=en', { serviceId: 'civil-status' }, admin);
      expect(disk.status).toBe(503);
      expect(!disk.body.ok && disk.body.error).toMatchObject({ code: 'store_unavailable', params: { problem: 'read_only' } });
      expect(!disk.body.ok && disk.body.error.message).toContain("the server's disk can only be read");
    } finally {
      ctx.engine.execute = execute;
    }
  });
});
