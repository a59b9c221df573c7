import { parseTicketLayout, type TicketLayoutInput } from '../../hardware/printer/index.ts';
import type { FileAlert } from '../../protocol/health.ts';
import {
  PRINTABLE_STATES,
  type PrintJobView,
  type PrintOutcome,
  type PrinterConfig,
  type PrinterState,
  type PrintersSettings,
} from '../../protocol/printers.ts';
import { logger } from '../log.ts';
import { realPrinterDevices, type PrinterDevice, type PrinterDeviceFactory } from './printer-drivers.ts';
import { failureReason, printerState, unprintableReason } from './printer-state.ts';
import { PrintersStore } from './printers-store.ts';

const log = logger('printing');
/** Prints kept per printer for the admin's list: an afternoon of a busy kiosk. */
const KEPT_JOBS = 200;

interface Running {
  config: PrinterConfig;
  device: PrinterDevice;
  jobs: PrintJobView[];
  off: () => void;
}

/** What to print and for whom: the ticket's id and number, and its layout. */
export interface TicketPrint {
  ticketId: string;
  label: string;
  layout: TicketLayoutInput;
  /** Asked for by staff, not the kiosk's own print at issue. */
  reprint: boolean;
}

/** The answer at once, and the outcome once the printer is done (the same when nothing was sent). */
export interface PrintStarted {
  first: PrintOutcome;
  done: Promise<PrintOutcome>;
}

/**
 * The centre's ticket printers as the server holds them: one driver per configured printer,
 * which kiosk prints where, and the last prints of each. A print goes to paper only when its
 * printer can print now; otherwise the answer says so at once and nothing is kept to print
 * later. Reprints are new prints, asked for by staff.
 */
export class TicketPrinting {
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly store: PrintersStore,
    private readonly devices: PrinterDeviceFactory,
    private readonly clock: () => number,
  ) {}

  static open(store: PrintersStore, devices: PrinterDeviceFactory, clock: () => number): TicketPrinting {
    const printing = new TicketPrinting(store, devices, clock);
    printing.apply(store.get());
    return printing;
  }

  /**
   * The printers of a data directory (`printers.json`, created from `firstPrinter` on a first
   * start). They belong to the process, not to one server: a restore rebuilds the server in
   * place and the printers stay open, picking up the restored file with {@link reload}.
   */
  static async inDataDir(
    dataDir: string,
    firstPrinter: string | null,
    devices: PrinterDeviceFactory = realPrinterDevices(),
    clock: () => number = Date.now,
  ): Promise<TicketPrinting> {
    return TicketPrinting.open(await PrintersStore.open(dataDir, firstPrinter, clock()), devices, clock);
  }

  /** Set when `printers.json` was damaged and its last good copy is used instead. */
  get alert(): FileAlert | null {
    return this.store.alert;
  }

  /** Reads `printers.json` again and restarts the printers whose configuration changed. */
  async reload(): Promise<void> {
    await this.store.reload(this.clock());
    this.apply(this.store.get());
    this.changed();
  }

  settings(): PrintersSettings {
    return this.store.get();
  }

  /** Saves new settings and restarts the printers whose configuration changed. */
  async replace(next: unknown): Promise<{ ok: true } | { ok: false; problems: string[] }> {
    const saved = await this.store.replace(next);
    if (!saved.ok) return saved;
    this.apply(saved.settings);
    this.changed();
    return { ok: true };
  }

  /** The printer a kiosk prints on: its own choice, else the first printer; null when there is none. */
  printerFor(kioskId: string | null): string | null {
    const settings = this.store.get();
    const chosen = kioskId === null ? undefined : settings.kiosks[kioskId];
    return chosen ?? settings.printers[0]?.id ?? null;
  }

  state(printerId: string | null): PrinterState {
    const running = printerId === null ? undefined : this.running.get(printerId);
    if (!running) return 'no_printer';
    return printerState(running.device.driver.status(), running.device.virtual !== null);
  }

  /** The last prints of a printer, newest first. */
  jobs(printerId: string): PrintJobView[] {
    return this.running.get(printerId)?.jobs ?? [];
  }

  /** The picture the virtual printer kept of a ticket's latest print; null for a real printer. */
  preview(printerId: string, ticketId: string): Buffer | null {
    return (
      this.running
        .get(printerId)
        ?.device.virtual?.recent()
        .find((p) => p.jobId === ticketId)?.png ?? null
    );
  }

  /**
   * Called after every state or settings change of any printer (not after each print: kiosks
   * only need to hear when what their printer can do changes); returns the unsubscribe function.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a ticket to a printer, if it can print now. */
  print(printerId: string | null, request: TicketPrint): PrintStarted {
    const running = printerId === null ? undefined : this.running.get(printerId);
    const state = this.state(printerId);
    const record = (outcome: PrintOutcome, bytes: number | null): PrintOutcome => {
      if (running) this.remember(running, request, outcome, bytes);
      return outcome;
    };
    if (!running || !PRINTABLE_STATES.has(state)) {
      const outcome = record({ kind: 'not_printed', printerId: running ? printerId : null, reason: unprintableReason(state) }, null);
      return { first: outcome, done: Promise.resolve(outcome) };
    }
    const layout = parseTicketLayout(request.layout);
    if (!layout.ok) {
      // The layout shortens what it must; this is a bug, not content: say so and print nothing.
      log.error('ticket layout refused', { ticketId: request.ticketId, issues: layout.issues });
      const outcome = record({ kind: 'not_printed', printerId: running.config.id, reason: 'failed' }, null);
      return { first: outcome, done: Promise.resolve(outcome) };
    }
    const id = running.config.id;
    const done = running.device.driver.print({ id: request.ticketId, layout: layout.layout }).then(
      (r): PrintOutcome =>
        record(
          r.ok
            ? { kind: 'printed', printerId: id, confirmed: r.confirmed, at: r.printedAt }
            : { kind: 'not_printed', printerId: id, reason: failureReason(r.reason) },
          r.ok ? r.bytes : null,
        ),
      (error: unknown): PrintOutcome => {
        log.error('print failed', { ticketId: request.ticketId, error });
        return record({ kind: 'not_printed', printerId: id, reason: 'failed' }, null);
      },
    );
    return { first: { kind: 'printing', printerId: id }, done };
  }

  async close(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(all.map((r) => this.stop(r)));
  }

  /** Starts new printers, restarts changed ones, stops removed ones. */
  private apply(settings: PrintersSettings): void {
    const wanted = new Map(settings.printers.map((p) => [p.id, p]));
    for (const [id, running] of this.running) {
      const next = wanted.get(id);
      if (next && JSON.stringify(next) === JSON.stringify(running.config)) {
        running.config = next;
        continue;
      }
      this.running.delete(id);
      void this.stop(running);
    }
    for (const config of settings.printers) {
      if (this.running.has(config.id)) continue;
      const device = this.devices(config);
      const off = device.driver.onStatus(() => this.changed());
      this.running.set(config.id, { config, device, jobs: [], off });
    }
  }

  private async stop(running: Running): Promise<void> {
    running.off();
    await running.device.driver.close();
  }

  private remember(running: Running, request: TicketPrint, outcome: PrintOutcome, bytes: number | null): void {
    const job: PrintJobView = {
      ticketId: request.ticketId,
      label: request.label,
      at: this.clock(),
      outcome,
      reprint: request.reprint,
      hasPreview: running.device.virtual !== null && outcome.kind === 'printed',
      bytes,
    };
    running.jobs.unshift(job);
    running.jobs.length = Math.min(running.jobs.length, KEPT_JOBS);
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        log.error('printing listener failed', { error });
      }
    }
  }
}
