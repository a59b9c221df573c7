import type { DeviceLog } from '../device-log.ts';
import { watchSerialPath, type SerialPathWatch } from '../serial-path-watch.ts';
import { statusQuery } from './escpos-commands.ts';
import { PrintQueue, type JobSnapshot } from './print-queue.ts';
import { discardPort, openPort, realPrinterPort, writeAndDrain, type PrinterPortFactory, type PrinterSerialPort } from './printer-port.ts';
import type { PrinterProfile } from './printer-profile.ts';
import { StatusReplyReader, statusFromReplies } from './status-reply.ts';
import { encodeTicket } from './ticket-encoder.ts';
import { StatusBroadcaster, type PrintJob, type PrintResult, type PrinterStatus, type TicketPrinter } from './ticket-printer.ts';

/** Options of {@link createSerialPrinter}. */
export interface SerialPrinterOptions {
  /** Serial device, e.g. `/dev/ttyUSB0`; it may be missing for a while (printer unplugged). */
  path: string;
  profile: PrinterProfile;
  /** Where the printer's troubles are told (the server passes `logger('printer')`). */
  log: DeviceLog;
  /** Defaults to the real serialport bindings. */
  openPort?: PrinterPortFactory;
  /** Wait for each `DLE EOT` answer. Defaults to 300 ms. */
  replyTimeoutMs?: number;
  /** Status poll period while idle. Defaults to 5000 ms. */
  idlePollMs?: number;
  /** Reopen delays, doubling. Defaults to 250 ms up to 5000 ms. */
  reconnect?: { initialMs?: number; maxMs?: number };
  /** How often the open port's path is checked for an unplugged adapter. Defaults to 1000 ms. */
  pathCheckMs?: number;
  /** Print held jobs by themselves once the printer is ready again. Defaults to true. */
  retryWhenReady?: boolean;
  /** Defaults to `Date.now`. */
  now?: () => number;
}

/** The serial printer: {@link TicketPrinter} plus the job list for the admin. */
export interface SerialPrinter extends TicketPrinter {
  jobs(): JobSnapshot[];
}

/**
 * An ESC/POS printer on a serial port. One worker does everything on the wire in turn (status
 * polls, tickets), so a status query never lands inside a job or its raster data. Before each
 * ticket it polls `DLE EOT 4, 2, 1`; a ticket that cannot print is held and printed once the
 * printer is ready again or on reprint. A job counts as printed once its bytes have drained, so
 * a job is printed once: never lost, never sent twice by the driver.
 */
export function createSerialPrinter(options: SerialPrinterOptions): SerialPrinter {
  const makePort = options.openPort ?? realPrinterPort;
  const replyTimeoutMs = options.replyTimeoutMs ?? 300;
  const idlePollMs = options.idlePollMs ?? 5000;
  const { initialMs = 250, maxMs = 5000 } = options.reconnect ?? {};
  const retryWhenReady = options.retryWhenReady ?? true;
  const now = options.now ?? Date.now;
  const { log } = options;

  const queue = new PrintQueue();
  const status = new StatusBroadcaster({ state: 'disconnected', paperNearEnd: false }, log);
  const reader = new StatusReplyReader();
  let port: PrinterSerialPort | undefined;
  let portClosed: Promise<void> = Promise.resolve();
  // Ends a write in flight when we drop the port ourselves: our discard removes the `close`
  // listener, and a drain on a closed serialport stream would wait for a reopen that never comes.
  let endPortClosed: () => void = () => undefined;
  let pathWatch: SerialPathWatch | undefined;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  // The one worker: every wire operation is chained here.
  let wire: Promise<void> = Promise.resolve();
  let pumping = false;

  const serialize = (task: () => Promise<void>): Promise<void> => {
    wire = wire.then(task, task).catch((error: unknown) => log.error('printer task failed', { error }));
    return wire;
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const candidate = makePort({ path: options.path, baudRate: options.profile.baudRate });
    candidate.on('error', (error) => log.warn('serial port error', { path: options.path, error }));
    try {
      await openPort(candidate);
    } catch (error) {
      await discardPort(candidate, log);
      scheduleReconnect(error);
      return;
    }
    if (stopped) return void (await discardPort(candidate, log));
    log.info('printer port open', { path: options.path, baudRate: options.profile.baudRate });
    port = candidate;
    portClosed = new Promise((resolve) => {
      endPortClosed = resolve;
      candidate.on('close', () => resolve());
    });
    candidate.on('data', (chunk) => reader.feed(chunk));
    candidate.on('close', () => void lost(candidate, 'disconnected'));
    // The binding may miss the hang-up of a vanished device and spin on empty reads; the path
    // shows it within a second instead of after an idle poll and the reply timeout.
    pathWatch = watchSerialPath({
      path: options.path,
      ...(options.pathCheckMs === undefined ? {} : { intervalMs: options.pathCheckMs }),
      onLost: (reason) => {
        log.warn('printer path lost', { path: options.path, reason });
        void lost(candidate, 'disconnected');
      },
    });
    // Ask at once: the kiosk should learn of a printer's state without waiting for a ticket.
    void serialize(async () => {
      const s = await poll();
      if (s.state === 'ready') failures = 0;
    }).then(kick);
  };

  const lost = async (which: PrinterSerialPort, state: 'disconnected' | 'no-reply'): Promise<void> => {
    if (port !== which) return;
    port = undefined;
    pathWatch?.stop();
    endPortClosed();
    reader.cancel();
    status.set({ state, paperNearEnd: false });
    await discardPort(which, log);
    // Reopen even on no-reply: a replugged adapter is a new device behind the same path.
    scheduleReconnect(new Error(state));
  };

  const scheduleReconnect = (error: unknown): void => {
    if (stopped || reconnectTimer) return;
    if (status.current().state === 'ready') status.set({ state: 'disconnected', paperNearEnd: false });
    const delay = Math.min(maxMs, initialMs * 2 ** failures);
    if (failures === 0) log.warn('printer unavailable, retrying', { path: options.path, error });
    failures++;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect();
    }, delay);
    reconnectTimer.unref();
  };

  /** Poll `DLE EOT 4, 2, 1`; must run inside `serialize`. */
  const poll = async (): Promise<PrinterStatus> => {
    const current = port;
    if (!current) return status.current();
    const replies: number[] = [];
    for (const n of [4, 2, 1] as const) {
      current.write(Uint8Array.from(statusQuery(n)));
      const reply = await reader.next(replyTimeoutMs);
      if (reply === undefined) {
        log.warn('printer did not answer a status query', { query: n });
        await lost(current, 'no-reply');
        return status.current();
      }
      replies.push(reply);
    }
    const [paper = 0, offlineCause = 0, printer = 0] = replies;
    status.set(statusFromReplies({ paper, offlineCause, printer }));
    if (status.current().state === 'ready' && retryWhenReady && queue.hasFailed()) {
      queue.retryFailed();
      setImmediate(kick);
    }
    return status.current();
  };

  const printNext = async (): Promise<boolean> => {
    const next = queue.next();
    if (!next) return false;
    const current = port;
    if (!current) {
      queue.markFailed('disconnected');
      return false;
    }
    const s = await poll();
    if (s.state !== 'ready') {
      queue.markFailed(s.state);
      return false;
    }
    queue.markPrinting(next.id);
    try {
      await writeAndDrain(current, next.bytes, portClosed, wireTimeMs(next.bytes.length, options.profile.baudRate));
    } catch (error) {
      log.warn('ticket write failed, job kept', { jobId: next.id, error });
      queue.markFailed('write-failed', next.id);
      await lost(current, 'disconnected');
      return false;
    }
    queue.markPrinted(next.id, now());
    log.info('ticket printed', { jobId: next.id, bytes: next.bytes.length });
    return true;
  };

  const kick = (): void => {
    if (pumping || stopped) return;
    pumping = true;
    const loop = async (): Promise<void> => {
      let more = true;
      while (more && !stopped) await serialize(async () => void (more = await printNext()));
      pumping = false;
    };
    void loop();
  };

  const idleTimer = setInterval(() => {
    if (!pumping && port) void serialize(async () => void (await poll()));
  }, idlePollMs);
  idleTimer.unref();
  void connect();

  return {
    print(job: PrintJob): Promise<PrintResult> {
      if (stopped) return Promise.resolve({ ok: false, jobId: job.id, reason: 'closed' });
      if (queue.has(job.id)) {
        // Asked again for the same ticket: join it, never print a second copy by accident.
        const state = queue.state(job.id);
        if (state === 'printed') return Promise.resolve({ ok: true, jobId: job.id, printedAt: queue.printedAt(job.id) ?? now() });
        const pending = queue.requeue(job.id);
        kick();
        return pending ?? Promise.resolve({ ok: false, jobId: job.id, reason: 'unknown-job' });
      }
      const result = queue.add(job, encodeTicket(job.layout, options.profile));
      kick();
      return result;
    },
    reprint(jobId: string): Promise<PrintResult> {
      const pending = queue.requeue(jobId);
      if (!pending) return Promise.resolve({ ok: false, jobId, reason: 'unknown-job' });
      kick();
      return pending;
    },
    status: () => status.current(),
    onStatus: (listener) => status.subscribe(listener),
    jobs: () => queue.snapshot(),
    async close() {
      stopped = true;
      clearInterval(idleTimer);
      clearTimeout(reconnectTimer);
      pathWatch?.stop();
      reader.cancel();
      await wire;
      queue.closeAll();
      status.clear();
      const current = port;
      port = undefined;
      if (current) await discardPort(current, log);
    },
  };
}

/** Generous limit for one ticket on the wire (8N1: 10 bits a byte), so a stuck port cannot hang the worker. */
function wireTimeMs(bytes: number, baudRate: number): number {
  return 5000 + Math.ceil(((bytes * 10) / baudRate) * 1000) * 3;
}
