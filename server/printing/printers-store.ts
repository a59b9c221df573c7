import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import type { FileAlert } from '../../protocol/health.ts';
import { PrintersSettingsSchema, type PrinterTransport, type PrintersSettings } from '../../protocol/printers.ts';
import { logger } from '../log.ts';
import { DurableJsonFile, type Validation } from '../store/durable-file.ts';
import { ConfigFileError, describeIssues } from '../store/site-store.ts';

const log = logger('printers');

/**
 * The transport a `--printer` value names: `tcp://host[:port]` a network printer, a path under
 * `/dev/usb/` a USB printer-class device, any other path a serial line.
 */
export function transportFromAddress(address: string): Exclude<PrinterTransport, { kind: 'virtual' }> {
  const network = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(address);
  if (network) return { kind: 'network', host: network[1]!, port: Number(network[2] ?? 9100) };
  if (address.startsWith('/dev/usb/')) return { kind: 'usb', path: address };
  return { kind: 'serial', path: address, baudRate: 9600, flowControl: 'none' };
}

/** What a centre starts with: its `--printer` if one was given, else the virtual printer. */
function seedSettings(firstPrinter: string | null): unknown {
  const transport: PrinterTransport = firstPrinter ? transportFromAddress(firstPrinter) : { kind: 'virtual' };
  return { version: 1, printers: [{ id: 'p1', name: firstPrinter ? 'Máy in phiếu' : 'Máy in ảo', transport }], kiosks: {} };
}

/**
 * The printers and the kiosks' choice of printer, in `<dataDir>/printers.json`; validated on
 * every read and write. Written durably with its previous good copy kept (issue 12): a damaged
 * file starts the printers from that copy, with an alert, instead of stopping the centre.
 */
export class PrintersStore {
  private constructor(
    private readonly file: DurableJsonFile<PrintersSettings>,
    private readonly firstPrinter: string | null,
    private current: PrintersSettings,
    /** Set when the file was damaged when last read and its last good copy is used instead. */
    private damage: FileAlert | null,
  ) {}

  /** Reads the file, or creates it from `firstPrinter`; a damaged file without a good copy stops the start-up. */
  static async open(dataDir: string, firstPrinter: string | null, now: number = Date.now()): Promise<PrintersStore> {
    const file = new DurableJsonFile(join(dataDir, 'printers.json'), validatePrinters);
    const { settings, alert } = await readOrSeed(file, firstPrinter, now);
    return new PrintersStore(file, firstPrinter, settings, alert);
  }

  /** Reads the file again (a restore may have replaced it, or left none: then it is seeded again). */
  async reload(now: number = Date.now()): Promise<void> {
    const { settings, alert } = await readOrSeed(this.file, this.firstPrinter, now);
    this.current = settings;
    this.damage = alert;
  }

  get(): PrintersSettings {
    return this.current;
  }

  get alert(): FileAlert | null {
    return this.damage;
  }

  /** Validates and saves; on failure nothing changes and the problems are returned. */
  async replace(next: unknown): Promise<{ ok: true; settings: PrintersSettings } | { ok: false; problems: string[] }> {
    const parsed = validatePrinters(next);
    if (!parsed.ok) return parsed;
    await this.file.write(parsed.value);
    this.current = parsed.value;
    return { ok: true, settings: parsed.value };
  }
}

function validatePrinters(raw: unknown): Validation<PrintersSettings> {
  const parsed = v.safeParse(PrintersSettingsSchema, raw);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, problems: describeIssues(parsed.issues) };
}

async function readOrSeed(
  file: DurableJsonFile<PrintersSettings>,
  firstPrinter: string | null,
  now: number,
): Promise<{ settings: PrintersSettings; alert: FileAlert | null }> {
  const read = await file.read();
  switch (read.kind) {
    case 'ok':
      return { settings: read.value, alert: null };
    case 'previous':
      log.error('printers.json damaged; started from its last good copy', { file: file.path, problem: read.problem });
      return { settings: read.value, alert: { file: file.name, problem: read.problem, usedCopy: 'previous', at: now } };
    case 'damaged':
      throw new ConfigFileError(file.path, read.problem.split('; '));
    case 'missing': {
      const seed = validatePrinters(seedSettings(firstPrinter));
      if (!seed.ok) throw new ConfigFileError(file.path, seed.problems);
      // On a first start the printers are opened before anything else made the data directory.
      await mkdir(dirname(file.path), { recursive: true });
      await file.write(seed.value);
      return { settings: seed.value, alert: null };
    }
  }
}
