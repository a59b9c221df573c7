import { SerialPort } from 'serialport';
import { decodeEscPos, type PrintedDocument } from '../../../hardware/printer/escpos-decoder.ts';

/**
 * Plays an ESC/POS printer on the peer end of a pty pair: answers `DLE EOT` queries from its
 * paper state and decodes everything it received. Before each answer it sends stray bytes
 * (noise and an automatic-status message) that the driver must ignore.
 */
export class PrinterPeer {
  paperOut = false;
  private received: number[] = [];
  private answered = 0;

  private constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  static async open(path: string): Promise<PrinterPeer> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new PrinterPeer(port);
  }

  document(): PrintedDocument {
    return decodeEscPos(Uint8Array.from(this.received));
  }

  /** Tickets that reached paper: every ticket ends with a cut. */
  cuts(): number {
    return this.document().items.filter((i) => i.kind === 'cut').length;
  }

  /** The big numbers printed (size 6 text). */
  numbers(): string[] {
    return this.document().items.flatMap((i) => (i.kind === 'text' && i.width === 6 ? [i.text] : []));
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }

  private onData(chunk: Buffer): void {
    this.received.push(...chunk);
    const queries = this.document().items.flatMap((i) => (i.kind === 'status-query' ? [i.n] : []));
    for (const n of queries.slice(this.answered)) {
      this.answered++;
      const stray = [0xff, 0x00, 0x10, 0x00, 0x00, 0x00];
      this.port.write(Buffer.from([...stray, this.reply(n)]));
    }
  }

  private reply(n: number): number {
    const base = 0x12;
    if (n === 4) return this.paperOut ? base | 0x60 : base;
    if (n === 2) return this.paperOut ? base | 0x20 : base;
    return base;
  }
}

/** Wait for a condition without asserting on timing: generous deadline, short polls. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
