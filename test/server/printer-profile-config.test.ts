import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleTicketLayout, type VirtualPrinter } from '../../hardware/printer/index.ts';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import { choosePrinter, sitePrinterProfile } from '../../server/printing/printer-device.ts';
import { ConfigFileError } from '../../server/store/site-store.ts';
import { siteConfig } from '../support/site-fixture.ts';
import { TestServer } from '../support/test-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('printer profile in the site config', () => {
  it('is optional, and validated with the printer profile rules when present', () => {
    expect(siteConfig().server?.printerProfile).toBeUndefined();
    const narrow = siteConfig(
      {},
      (c) =>
        (c.server = { printer: '/dev/ttyUSB0', printerProfile: { paperWidthMm: 58, dotsPerLine: 384, vietnameseMode: 'codepage-tcvn3' } }),
    );
    expect(narrow.server?.printerProfile).toMatchObject({
      paperWidthMm: 58,
      dotsPerLine: 384,
      vietnameseMode: 'codepage-tcvn3',
      baudRate: 9600,
      cutter: true,
    });
    const bad = (printerProfile: unknown) => {
      const input = JSON.parse(JSON.stringify(siteConfig())) as Record<string, unknown>;
      input.server = { printerProfile };
      return v.safeParse(SiteConfigSchema, input).success;
    };
    expect(bad({ paperWidthMm: 58 })).toBe(false);
    expect(bad({ vietnameseMode: 'utf8' })).toBe(false);
    expect(bad({ baudRate: 4800 })).toBe(false);
    expect(bad({ codePages: { cp1258: 300 } })).toBe(false);
    expect(bad({ cutter: false, rasterHalfWidth: false })).toBe(true);
  });

  it('an invalid profile is a config file error naming the field', () => {
    expect(sitePrinterProfile('/data/site.json', undefined)).toMatchObject({ paperWidthMm: 80, vietnameseMode: 'raster' });
    const attempt = () => sitePrinterProfile('/data/site.json', { vietnameseMode: 'unicode' });
    expect(attempt).toThrow(ConfigFileError);
    expect(attempt).toThrow(/\/data\/site\.json[\s\S]*server\.printerProfile: vietnameseMode/);
  });

  it('the server refuses to start on a site file with an invalid profile', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-profile-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const site = JSON.parse(await readFile(new URL('../../data/site.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    site.server = { printerProfile: { paperWidthMm: 58, dotsPerLine: 576 } };
    await writeFile(join(dataDir, 'site.json'), JSON.stringify(site));
    await expect(TestServer.start({ dataDir })).rejects.toThrow(ConfigFileError);
  });

  it('the virtual printer uses the profile, so previews show the real paper', async () => {
    const { device, isVirtual } = choosePrinter(null, sitePrinterProfile('site.json', { vietnameseMode: 'codepage-cp1258' }));
    cleanups.push(() => device.close());
    expect(isVirtual).toBe(true);
    expect((await device.print({ id: 'p1', layout: sampleTicketLayout() })).ok).toBe(true);
    const [printed] = (device as VirtualPrinter).recent();
    expect(printed?.document.codePages).toContain(52);
    expect(printed?.document.items.some((i) => i.kind === 'raster')).toBe(false);
  });
});
