import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintersStore, transportFromAddress } from '../../server/printing/printers-store.ts';
import type { HealthView } from '../../protocol/http-views.ts';
import { ConfigFileError } from '../../server/store/site-store.ts';
import { TestServer } from '../support/test-server.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-printers-'));
  dirs.push(dir);
  return dir;
}

describe('printers.json', () => {
  it('reads the first printer from --printer: serial path, USB printer class or tcp://', () => {
    expect(transportFromAddress('/dev/ttyUSB0')).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, flowControl: 'none' });
    expect(transportFromAddress('/dev/usb/lp1')).toEqual({ kind: 'usb', path: '/dev/usb/lp1' });
    expect(transportFromAddress('tcp://10.0.0.5')).toEqual({ kind: 'network', host: '10.0.0.5', port: 9100 });
    expect(transportFromAddress('tcp://printer.local:9101')).toEqual({ kind: 'network', host: 'printer.local', port: 9101 });
  });

  it('is created on first start, with the virtual printer when none is named, and read back after', async () => {
    const dir = await dataDir();
    const store = await PrintersStore.open(dir, null);
    expect(store.get().printers).toEqual([expect.objectContaining({ id: 'p1', transport: { kind: 'virtual' } })]);
    const saved = JSON.parse(await readFile(join(dir, 'printers.json'), 'utf8')) as { printers: unknown[] };
    expect(saved.printers).toHaveLength(1);
    // Later starts keep what the admin set, whatever --printer says.
    expect((await PrintersStore.open(dir, '/dev/ttyUSB0')).get().printers[0]?.transport).toEqual({ kind: 'virtual' });
  });

  it('refuses settings that name a missing printer for a kiosk, and changes nothing', async () => {
    const store = await PrintersStore.open(await dataDir(), 'tcp://10.0.0.5:9100');
    const before = store.get();
    const r = await store.replace({ ...before, kiosks: { k1: 'nope' } });
    expect(r.ok).toBe(false);
    expect(store.get()).toBe(before);
  });

  it('stops the server on a file that does not validate, naming the field', async () => {
    const dir = await dataDir();
    await writeFile(
      join(dir, 'printers.json'),
      JSON.stringify({ version: 1, printers: [{ id: 'a', name: 'A', transport: { kind: 'usb', path: 'lp0' } }] }),
    );
    await expect(TestServer.start({ dataDir: dir })).rejects.toThrow(ConfigFileError);
    await expect(PrintersStore.open(dir, null)).rejects.toThrow(/printers\.0\.transport\.path/);
  });

  it('a damaged printers.json starts the printers from its last good copy, with an alert in the health (issue 12)', async () => {
    const dir = await dataDir();
    const store = await PrintersStore.open(dir, null);
    const [first] = store.get().printers;
    expect((await store.replace({ ...store.get(), printers: [{ ...first!, name: 'Máy in sảnh' }] })).ok).toBe(true);
    // A power cut or a bad disk block leaves half the file; the copy it replaced is printers.json.prev.
    const text = await readFile(join(dir, 'printers.json'), 'utf8');
    await writeFile(join(dir, 'printers.json'), text.slice(0, text.length / 2));
    const server = await TestServer.start({ dataDir: dir });
    try {
      expect(server.server.ctx.printing.settings().printers.map((p) => p.name)).toEqual([first!.name]);
      const health = await server.request<HealthView>('GET', '/api/health');
      if (!health.body.ok) throw new Error(health.body.error.code);
      expect(health.body.value.fileAlerts).toEqual([expect.objectContaining({ file: 'printers.json', usedCopy: 'previous' })]);
    } finally {
      await server.close();
    }
  });
});
