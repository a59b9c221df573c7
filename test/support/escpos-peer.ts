import { SerialPort } from 'serialport';
import {
  charsetsFor,
  decodeEscPos,
  documentText,
  printerProfile,
  type PrinterProfile,
  type PrintedDocument,
} from '../../hardware/printer/index.ts';

/** Status byte base: every `DLE EOT` reply matches `0xx1xx10` (hardware.md). */
const REPLY_BASE = 0x12;
/** Noise and an automatic-status message, which a driver must ignore. */
const STRAY_BYTES = [0xff, 0x00, 0x10, 0x00, 0x00, 0x00];

export interface EscPosPeerOptions {
  /** Decodes with this profile's code pages. Defaults to the default profile. */
  profile?: PrinterProfile;
  /** Send stray bytes before each status answer. Defaults to false. */
  strayBytes?: boolean;
}

/**
 * Plays an ESC/POS ticket printer on the peer end of a pty pair: answers `DLE EOT 4, 2, 1`
 * from its paper state and decodes everything it received.
 */
export class EscPosPeer {
  /** Paper end: `DLE EOT 4` bits 5–6 and `DLE EOT 2` bit 5 (stopped for paper end). */
  paperOut = false;
  private received: number[] = [];
  private answered = 0;

  private constructor(
    private readonly port: SerialPort,
    private readonly profile: PrinterProfile,
    private readonly strayBytes: boolean,
  ) {
    port.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  /** Opens the peer end; do it before the driver writes, since opening a pty flushes it. */
  static async open(path: string, options: EscPosPeerOptions = {}): Promise<EscPosPeer> {
    const profile = options.profile ?? printerProfile();
    const port = new SerialPort({ path, baudRate: profile.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new EscPosPeer(port, profile, options.strayBytes ?? false);
  }

  document(): PrintedDocument {
    return decodeEscPos(Uint8Array.from(this.received), charsetsFor(this.profile));
  }

  /** Tickets that reached paper: every ticket ends with a cut. */
  cuts(): number {
    return this.tickets().length;
  }

  /** The big numbers printed (size 6 text). */
  numbers(): string[] {
    return this.document().items.flatMap((i) => (i.kind === 'text' && i.width === 6 ? [i.text] : []));
  }

  /** Each finished ticket (everything up to a cut) as its text lines and QR payloads. */
  tickets(): Array<{ text: string[]; qr: string[] }> {
    const tickets: Array<{ text: string[]; qr: string[] }> = [];
    let items: PrintedDocument['items'] = [];
    for (const item of this.document().items) {
      if (item.kind !== 'cut') {
        items.push(item);
        continue;
      }
      tickets.push({
        text: documentText({ items, codePages: [], errors: [] }),
        qr: items.flatMap((i) => (i.kind === 'qr' ? [i.payload] : [])),
      });
      items = [];
    }
    return tickets;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }

  private onData(chunk: Buffer): void {
    this.received.push(...chunk);
    const queries = this.document().items.flatMap((i) => (i.kind === 'status-query' ? [i.n] : []));
    for (const n of queries.slice(this.answered)) {
      this.answered++;
      this.port.write(Buffer.from([...(this.strayBytes ? STRAY_BYTES : []), this.reply(n)]));
    }
  }

  private reply(n: number): number {
    if (n === 4) return this.paperOut ? REPLY_BASE | 0x60 : REPLY_BASE;
    if (n === 2) return this.paperOut ? REPLY_BASE | 0x20 : REPLY_BASE;
    return REPLY_BASE;
  }
}
