import { access, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JSONFile } from 'lowdb/node';
import * as v from 'valibot';
import { PrintersSettingsSchema, type PrinterTransport, type PrintersSettings } from '../../protocol/printers.ts';
import { ConfigFileError, describeIssues } from '../store/site-store.ts';

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

/** The printers and the kiosks' choice of printer, in `<dataDir>/printers.json`; validated on every read and write. */
export class PrintersStore {
  private constructor(
    private readonly path: string,
    private readonly firstPrinter: string | null,
    private readonly file: JSONFile<unknown>,
    private current: PrintersSettings,
  ) {}

  /** Reads the file, or creates it from `firstPrinter`; a file that does not validate stops the start-up. */
  static async open(dataDir: string, firstPrinter: string | null): Promise<PrintersStore> {
    const path = join(dataDir, 'printers.json');
    const file = new JSONFile<unknown>(path);
    return new PrintersStore(path, firstPrinter, file, await readOrSeed(path, file, firstPrinter));
  }

  /** Reads the file again (a restore may have replaced it, or left none: then it is seeded again). */
  async reload(): Promise<void> {
    this.current = await readOrSeed(this.path, this.file, this.firstPrinter);
  }

  get(): PrintersSettings {
    return this.current;
  }

  /** Validates and saves; on failure nothing changes and the problems are returned. */
  async replace(next: unknown): Promise<{ ok: true; settings: PrintersSettings } | { ok: false; problems: string[] }> {
    const parsed = v.safeParse(PrintersSettingsSchema, next);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.issues) };
    await this.file.write(parsed.output);
    this.current = parsed.output;
    return { ok: true, settings: parsed.output };
  }
}

async function readOrSeed(path: string, file: JSONFile<unknown>, firstPrinter: string | null): Promise<PrintersSettings> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  let raw: unknown;
  try {
    raw = exists ? await file.read() : seedSettings(firstPrinter);
  } catch (error) {
    throw new ConfigFileError(path, [`not readable JSON: ${(error as Error).message}`]);
  }
  const parsed = v.safeParse(PrintersSettingsSchema, raw);
  if (!parsed.success) throw new ConfigFileError(path, describeIssues(parsed.issues));
  if (!exists) {
    // On a first start the printers are opened before anything else made the data directory.
    await mkdir(dirname(path), { recursive: true });
    await file.write(parsed.output);
  }
  return parsed.output;
}
