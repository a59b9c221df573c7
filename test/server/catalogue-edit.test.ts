import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../protocol/admin.ts';
import type { Catalogue, Procedure } from '../../protocol/catalogue.ts';
import { TestServer } from '../support/test-server.ts';

const code = '1.001193';

describe('admin API: editing one procedure of the catalogue', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.close();
  });

  const served = async (): Promise<Catalogue> => {
    const r = await server.request<Catalogue>('GET', '/api/catalogue');
    if (!r.body.ok) throw new Error('catalogue not served');
    return r.body.value;
  };
  const procedure = async (): Promise<Procedure> => {
    const p = (await served()).procedures.find((x) => x.code === code);
    if (!p) throw new Error(`no procedure ${code}`);
    return p;
  };
  const fileText = () => readFile(join(server.dataDir, 'catalogue.json'), 'utf8');

  it('saves a new service, name and fee, writes the file, audits it and serves it', async () => {
    const before = await procedure();
    expect(before.serviceId).toBe('civil-status');
    const edited: Procedure = {
      ...before,
      name: 'Đăng ký khai sinh (đã sửa)',
      serviceId: 'general',
      filing: before.filing.map((f) => ({ ...f, fee: { text: 'Lệ phí: 8.000 đồng', amount: 8000 } })),
    };
    const r = await server.request<Procedure>('PUT', `/api/catalogue/procedures/${code}`, edited, admin);
    expect(r.status).toBe(200);

    const after = await procedure();
    expect(after.serviceId).toBe('general');
    expect(after.name).toBe('Đăng ký khai sinh (đã sửa)');
    expect(after.filing.every((f) => f.fee.amount === 8000)).toBe(true);
    expect((await served()).procedures).toHaveLength(58);

    const onDisk = JSON.parse(await fileText()) as Catalogue;
    expect(onDisk.procedures.find((p) => p.code === code)?.serviceId).toBe('general');

    const log = await server.request<AuditEntry[]>('GET', '/api/audit', undefined, admin);
    const entry = log.body.ok ? log.body.value.find((e) => e.action === 'catalogue.procedure') : undefined;
    expect(entry?.subject).toBe(code);
    expect((entry?.before as Procedure | undefined)?.serviceId).toBe('civil-status');
    expect((entry?.after as Procedure | undefined)?.serviceId).toBe('general');
  });

  it('refuses a service the site config does not have, in the admin language, and keeps the file', async () => {
    const file = await fileText();
    const good = await procedure();
    const vi = await server.request('PUT', `/api/catalogue/procedures/${code}`, { ...good, serviceId: 'no-such-service' }, admin);
    expect(vi.status).toBe(400);
    expect(!vi.body.ok && vi.body.error.code).toBe('procedure_service_unknown');
    expect(!vi.body.ok && vi.body.error.message).toBe(
      'Không có dịch vụ no-such-service trong cấu hình của trung tâm; xin chọn một dịch vụ đang có.',
    );
    const en = await server.request('PUT', `/api/catalogue/procedures/${code}?lang=en`, { ...good, serviceId: 'no-such-service' }, admin);
    expect(!en.body.ok && en.body.error.message).toContain("There is no service no-such-service in the centre's configuration");
    expect(await fileText()).toBe(file);
    expect((await procedure()).serviceId).toBe(good.serviceId);
  });

  it('refuses an invalid field and a dangling field reference, and keeps the file', async () => {
    const file = await fileText();
    const good = await procedure();
    const emptyFee = { ...good, filing: good.filing.map((f) => ({ ...f, fee: { text: '   ' } })) };
    const bad = await server.request('PUT', `/api/catalogue/procedures/${code}`, emptyFee, admin);
    expect(bad.status).toBe(400);
    expect(!bad.body.ok && bad.body.error.code).toBe('invalid_payload');
    expect(!bad.body.ok && bad.body.error.message).toContain('Dữ liệu gửi lên không hợp lệ');
    expect(!bad.body.ok && bad.body.error.message).toContain('filing.0.fee.text');

    // Each procedure passes its own schema, but the whole catalogue must too: its field must exist.
    const orphan = await server.request('PUT', `/api/catalogue/procedures/${code}`, { ...good, fieldId: 'no-such-field' }, admin);
    expect(orphan.status).toBe(422);
    expect(!orphan.body.ok && orphan.body.error.code).toBe('admin:procedures.refused');

    expect(await fileText()).toBe(file);
    expect(await procedure()).toEqual(good);
  });

  it('answers an unknown code with not found', async () => {
    const good = await procedure();
    const r = await server.request('PUT', '/api/catalogue/procedures/9.999999', { ...good, code: '9.999999' }, admin);
    expect(r.status).toBe(404);
  });

  it('refuses clerks, devices and the public', async () => {
    const file = await fileText();
    const body = { ...(await procedure()), serviceId: 'land' };
    const clerk = await server.request('PUT', `/api/catalogue/procedures/${code}`, body, await server.clerkToken('clerk1', [1]));
    expect(clerk.status).toBe(403);
    const kiosk = await server.request('PUT', `/api/catalogue/procedures/${code}`, body, await server.deviceToken('kiosk'));
    expect(kiosk.status).toBe(403);
    const anyone = await server.request('PUT', `/api/catalogue/procedures/${code}`, body);
    expect(anyone.status).toBe(401);
    expect(await fileText()).toBe(file);
  });
});
