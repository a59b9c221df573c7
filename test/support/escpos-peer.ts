import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import {
  charsetsFor,
  decodeEscPos,
  documentText,
  printerProfile,
  type PrintedDocument,
  type PrinterProfile,
} from '../../hardware/printer/index.ts';

/** Status byte base: every `DLE EOT` reply matches `0xx1xx10` (hardware.md). */
const REPLY_BASE = 0x12;
/** Noise and an automatic-status message, which a driver must ignore. */
const STRAY_BYTES = [0xff, 0x00, 0x10, 0x00, 0x00, 0x00];

export interface EscPosDeviceOptions {
  /** Decodes with this profile's code pages. Defaults to the default profile. */
  profile?: PrinterProfile;
  /** Send stray bytes before each status answer. Defaults to false. */
  strayBytes?: boolean;
  /** Answer `DLE EOT` at all; a one-way printer does not. Defaults to true. */
  answersStatus?: boolean;
}

/**
 * A simulated ESC/POS ticket printer, whatever it is connected by: it keeps every byte it
 * received (across unplugs, like a real printer's state), answers `DLE EOT 4, 2, 1` from its
 * paper and cover, and decodes what it printed.
 */
export class EscPosDevice {
  /** Cover open: `DLE EOT 2` bit 2. */
  coverOpen = false;
  /** Called after each chunk with the total received: a test unplugs or runs out of paper mid-ticket here. */
  onReceived: ((total: number) => void) | null = null;
  /** Every byte that came in, real-time commands included. */
  private incoming: number[] = [];
  /** What reached paper. */
  private printed: number[] = [];
  /** What came in while out of paper: printed when paper is back, unless the buffers were cleared. */
  private held: number[] = [];
  private out = false;
  /** The byte count at which the roll runs out, when a test asked for it. */
  private runsOutAt: number | null = null;
  private answered = 0;
  private cleared = 0;
  readonly profile: PrinterProfile;
  private readonly strayBytes: boolean;
  /** Answer `DLE EOT` at all; a one-way printer does not. */
  answersStatus: boolean;

  constructor(options: EscPosDeviceOptions = {}) {
    this.profile = options.profile ?? printerProfile();
    this.strayBytes = options.strayBytes ?? false;
    this.answersStatus = options.answersStatus ?? true;
  }

  /** Paper end: `DLE EOT 4` bits 5–6 and `DLE EOT 2` bit 5. A printer out of paper holds what it gets; paper back, it prints it. */
  get paperOut(): boolean {
    return this.out;
  }

  set paperOut(value: boolean) {
    this.out = value;
    if (!value) this.printed.push(...this.held.splice(0));
  }

  /** The roll runs out after `bytes` more bytes, in the middle of whatever is being printed then. */
  runOutOfPaperAfter(bytes: number): void {
    this.runsOutAt = this.incoming.length + bytes;
  }

  /** Takes bytes from the link; returns what the printer answers. */
  receive(chunk: Uint8Array): Uint8Array {
    const before = this.incoming.length;
    this.incoming.push(...chunk);
    let at = 0;
    if (!this.out && this.runsOutAt !== null && this.runsOutAt < before + chunk.length) {
      at = Math.max(0, this.runsOutAt - before);
      this.printed.push(...chunk.subarray(0, at));
      this.out = true;
      this.runsOutAt = null;
    }
    (this.out ? this.held : this.printed).push(...chunk.subarray(at));
    // Real-time commands act on arrival, ahead of anything buffered.
    const realTime = decodeEscPos(Uint8Array.from(this.incoming)).items;
    const clears = realTime.filter((i) => i.kind === 'clear-buffers').length;
    if (clears > this.cleared) {
      this.cleared = clears;
      this.held = [];
    }
    const queries = realTime.flatMap((i) => (i.kind === 'status-query' ? [i.n] : []));
    const answer: number[] = [];
    for (const n of queries.slice(this.answered)) {
      this.answered++;
      if (this.answersStatus) answer.push(...(this.strayBytes ? STRAY_BYTES : []), this.reply(n));
    }
    this.onReceived?.(this.incoming.length);
    return Uint8Array.from(answer);
  }

  get bytesReceived(): number {
    return this.incoming.length;
  }

  /** What reached paper, decoded. */
  document(): PrintedDocument {
    return decodeEscPos(Uint8Array.from(this.printed), charsetsFor(this.profile));
  }

  /** Whether the printer was told to drop what it holds (`DLE DC4 8`). */
  buffersCleared(): boolean {
    return this.cleared > 0;
  }

  /** Tickets that reached paper: every ticket ends with a cut. */
  cuts(): number {
    return this.tickets().length;
  }

  /** The big numbers printed (size 6 text). */
  numbers(): string[] {
    return this.document().items.flatMap((i) => (i.kind === 'text' && i.width === 6 ? [i.text] : []));
  }

  /** Each stretch of paper up to a cut, as its text lines, QR payloads and raster images. */
  tickets(): Array<{ text: string[]; qr: string[]; rasters: number }> {
    return ticketsOf(this.document());
  }

  private reply(n: number): number {
    if (n === 4) return this.paperOut ? REPLY_BASE | 0x60 : REPLY_BASE;
    if (n === 2) return REPLY_BASE | (this.paperOut ? 0x20 : 0) | (this.coverOpen ? 0x04 : 0);
    return REPLY_BASE;
  }
}

/** Each stretch of a document up to a cut. */
export function ticketsOf(doc: PrintedDocument): Array<{ text: string[]; qr: string[]; rasters: number }> {
  const tickets: Array<{ text: string[]; qr: string[]; rasters: number }> = [];
  let items: PrintedDocument['items'] = [];
  for (const item of doc.items) {
    if (item.kind !== 'cut') {
      items.push(item);
      continue;
    }
    tickets.push({
      text: documentText({ items, codePages: [], errors: [], padding: 0 }),
      qr: items.flatMap((i) => (i.kind === 'qr' ? [i.payload] : [])),
      rasters: items.filter((i) => i.kind === 'raster').length,
    });
    items = [];
  }
  return tickets;
}

/** The printer plugged in on the peer end of a pty pair (a serial line). */
export class EscPosPeer {
  private constructor(
    private readonly port: SerialPort,
    readonly device: EscPosDevice,
  ) {
    port.on('data', (chunk: Buffer) => {
      const answer = device.receive(chunk);
      if (answer.length > 0 && port.isOpen) port.write(Buffer.from(answer));
    });
  }

  /**
   * Opens the peer end; do it before the driver writes, since opening a pty flushes it. Pass the
   * `device` of an earlier peer to plug the same printer back in.
   */
  static async open(path: string, options: EscPosDeviceOptions & { device?: EscPosDevice } = {}): Promise<EscPosPeer> {
    const device = options.device ?? new EscPosDevice(options);
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new EscPosPeer(port, device);
  }

  get paperOut(): boolean {
    return this.device.paperOut;
  }

  set paperOut(value: boolean) {
    this.device.paperOut = value;
  }

  document(): PrintedDocument {
    return this.device.document();
  }

  cuts(): number {
    return this.device.cuts();
  }

  numbers(): string[] {
    return this.device.numbers();
  }

  tickets(): Array<{ text: string[]; qr: string[]; rasters: number }> {
    return this.device.tickets();
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }
}

/** The printer as a network printer: a local TCP server speaking raw port-9100 printing. */
export class EscPosNetworkPrinter {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly device: EscPosDevice,
    readonly port: number,
  ) {}

  static async listen(device: EscPosDevice = new EscPosDevice()): Promise<EscPosNetworkPrinter> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', (chunk) => {
        const answer = device.receive(chunk);
        if (answer.length > 0 && !socket.destroyed) socket.write(answer);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new EscPosNetworkPrinter(server, sockets, device, (server.address() as { port: number }).port);
  }

  /** Connections open now. */
  get connections(): number {
    return this.sockets.size;
  }

  /** The printer drops its connections (switched off, rebooted); it keeps listening. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
