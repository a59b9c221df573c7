import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVirtualPrinter } from '../../../hardware/printer/virtual-printer.ts';
import { printerProfile, VIETNAMESE_MODES } from '../../../hardware/printer/printer-profile.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';
import { decodePng } from '../../support/png-decode.ts';
import { logger } from '../../../server/log.ts';

const printerLog = logger('printer');

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
/** Set MOTCUA_UPDATE_GOLDEN=1 to rewrite the references after an intended change (then look at them). */
const UPDATE = process.env.MOTCUA_UPDATE_GOLDEN === '1';

async function inkMap(png: Buffer): Promise<{ width: number; height: number; ink: Uint8Array }> {
  const image = decodePng(png);
  return { width: image.width, height: image.height, ink: image.grey.map((value) => (value < 128 ? 1 : 0)) };
}

async function previewOf(mode: (typeof VIETNAMESE_MODES)[number]): Promise<Buffer> {
  const printer = createVirtualPrinter({ log: printerLog, profile: printerProfile({ vietnameseMode: mode }), now: () => 0 });
  const result = await printer.print({ id: `golden-${mode}`, layout: sampleTicketLayout() });
  expect(result.ok).toBe(true);
  const png = printer.recent()[0]?.png;
  if (!png) throw new Error('no preview');
  return png;
}

describe('golden previews of the standard ticket', () => {
  it.each(VIETNAMESE_MODES)('%s mode matches the committed reference', async (mode) => {
    const png = await previewOf(mode);
    const file = join(GOLDEN_DIR, `ticket-${mode}.png`);
    if (UPDATE || !existsSync(file)) {
      // A missing reference is written for review but the test still fails: it must be committed on purpose.
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, png);
      if (!UPDATE) throw new Error(`wrote missing reference ${file}; look at it and commit it`);
    }
    const actual = await inkMap(png);
    const expected = await inkMap(await import('node:fs').then((fs) => fs.readFileSync(file)));
    expect(actual.width).toBe(expected.width);
    // Font rasterisation may differ slightly between builds: allow a few rows and a few % of pixels.
    expect(Math.abs(actual.height - expected.height)).toBeLessThanOrEqual(4);
    const height = Math.min(actual.height, expected.height);
    let differing = 0;
    let inked = 0;
    for (let i = 0; i < actual.width * height; i++) {
      if (actual.ink[i] !== expected.ink[i]) differing++;
      inked += actual.ink[i] ?? 0;
    }
    const area = actual.width * height;
    expect(differing / area).toBeLessThan(0.02);
    // Sanity on the ink itself: an empty or blacked-out ticket fails even against a bad reference.
    expect(inked / area).toBeGreaterThan(0.04);
    expect(inked / area).toBeLessThan(0.3);
  });

  it('a garbled ticket is far from the reference', async () => {
    const reference = await inkMap(await previewOf('raster'));
    const printer = createVirtualPrinter({ log: printerLog, profile: printerProfile({ vietnameseMode: 'raster' }) });
    await printer.print({ id: 'other', layout: sampleTicketLayout({ number: '4567', serviceName: 'Chứng thực bản sao', dossier: [] }) });
    const other = await inkMap(printer.recent()[0]!.png);
    const height = Math.min(reference.height, other.height);
    let differing = 0;
    for (let i = 0; i < reference.width * height; i++) if (reference.ink[i] !== other.ink[i]) differing++;
    expect(differing / (reference.width * height)).toBeGreaterThan(0.02);
  });
});
