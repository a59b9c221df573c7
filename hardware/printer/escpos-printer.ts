import type { DeviceLog } from '../device-log.ts';
import type { DeviceLink, LinkOpener, ReconnectDelays } from '../link/device-link.ts';
import { LinkKeeper } from '../link/link-keeper.ts';
import { clearBuffers, recovery, statusQuery } from './escpos-commands.ts';
import type { PrinterProfile } from './printer-profile.ts';
import { StatusBroadcaster, type PrintJob, type PrintResult, type PrinterDriver, type PrinterStatus } from './printer-driver.ts';
import { StatusReplyReader, statusFromReplies } from './status-reply.ts';
import { encodeTicket, longestCommandData } from './ticket-encoder.ts';

/** Options of {@link createEscPosPrinter}. */
export interface EscPosPrinterOptions {
  /** How to reach the printer: `serialLink`, `usbPrinterLink` or `networkLink`. */
  link: LinkOpener;
  profile: PrinterProfile;
  log: DeviceLog;
  /** Wait for each `DLE EOT` answer. Defaults to 300 ms. */
  replyTimeoutMs?: number;
  /** Status poll period while idle. Defaults to 5000 ms. */
  idlePollMs?: number;
  /** Defaults to 250 ms doubling up to 5 s. */
  reconnect?: ReconnectDelays;
  /** Defaults to `Date.now`. */
  now?: () => number;
}

/** What the next job must be preceded by: nothing, a reset, or a reset that cuts off a broken ticket. */
type Recovery = 'none' | 'reset' | 'cut';

/**
 * An ESC/POS ticket printer on any link. One worker does everything on the wire in turn (status
 * polls, tickets), so a status query never lands inside a job or its raster data.
 *
 * A job prints now or not at all: before it the printer is asked `DLE EOT 4, 2, 1`, after it
 * once more, and only an answer saying all is well makes it "printed". A job that could not
 * start, or whose link failed or whose printer ran out of paper during it, is "not printed"
 * and is never sent again by the driver. The job after a broken one (and the first after
 * start, when the printer may hold half a ticket from before) is preceded by a recovery that
 * completes any image the printer still waits for, resets it and cuts the remains off.
 *
 * A printer that has never answered a status query on this driver is `unknown`: it still prints
 * (many one-way USB and network printers cannot answer), but its prints are unconfirmed. One
 * that answered once and then stops answering is `no-reply`: unplugged or switched off.
 */
export function createEscPosPrinter(options: EscPosPrinterOptions): PrinterDriver {
  const { profile, log } = options;
  const replyTimeoutMs = options.replyTimeoutMs ?? 300;
  const now = options.now ?? Date.now;
  const padding = longestCommandData(profile);
  const status = new StatusBroadcaster({ state: 'disconnected', paperNearEnd: false }, log);
  const reader = new StatusReplyReader();
  const inFlight = new Map<string, Promise<PrintResult>>();
  let answers = false;
  let pendingRecovery: Recovery = 'reset';
  let stopped = false;
  let busy = false;
  // The one worker: every wire operation is chained here.
  let wire: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = wire.then(task, task);
    wire = run.catch((error: unknown) => log.error('printer task failed', { error }));
    return run;
  };

  const keeper = new LinkKeeper({
    opener: options.link,
    log,
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
    onData: (chunk) => reader.feed(chunk),
    onOpen: (link) => {
      // A printer known to answer stays "disconnected" until it does; an unknown one may print.
      if (!answers) status.set({ state: 'unknown', paperNearEnd: false });
      // At once: the kiosk should learn of the printer's state without waiting for a ticket,
      // and a ticket cut off by the unplug is cut off now, not with the next citizen's.
      void serialize(async () => {
        if (await recover(link)) confirmRecovery(await poll(link));
      });
    },
    onLost: () => {
      reader.cancel();
      status.set({ state: 'disconnected', paperNearEnd: false });
    },
  });

  /** Sends the pending recovery; it counts as done once a status poll after it got through. */
  const recover = async (link: DeviceLink): Promise<boolean> => {
    if (pendingRecovery === 'none') return true;
    const cut = pendingRecovery === 'cut';
    try {
      await link.write(Uint8Array.from(recovery(padding, cut && profile.cutter)));
      return true;
    } catch (error) {
      log.warn('printer recovery not sent', { error });
      keeper.drop(link, error as Error);
      return false;
    }
  };

  const confirmRecovery = (after: PrinterStatus | undefined): void => {
    if (after) pendingRecovery = 'none';
  };

  /** Ask `DLE EOT 4, 2, 1`; must run inside `serialize`. `undefined` when the link is gone. */
  const poll = async (link: DeviceLink): Promise<PrinterStatus | undefined> => {
    if (!link.readable) {
      status.set({ state: 'unknown', paperNearEnd: false });
      return status.current();
    }
    const replies: number[] = [];
    for (const n of [4, 2, 1] as const) {
      const answer = reader.next(replyTimeoutMs);
      try {
        await link.write(Uint8Array.from(statusQuery(n)));
      } catch (error) {
        reader.cancel();
        keeper.drop(link, error as Error);
        return undefined;
      }
      const reply = await answer;
      if (reply === undefined) {
        if (!answers) {
          status.set({ state: 'unknown', paperNearEnd: false });
          return status.current();
        }
        log.warn('printer did not answer a status query', { query: n });
        keeper.drop(link, new Error('no reply'));
        status.set({ state: 'no-reply', paperNearEnd: false });
        return undefined;
      }
      replies.push(reply);
    }
    answers = true;
    const [paper = 0, offlineCause = 0, printer = 0] = replies;
    status.set(statusFromReplies({ paper, offlineCause, printer }));
    return status.current();
  };

  const printNow = async (job: PrintJob, bytes: Uint8Array): Promise<PrintResult> => {
    const fail = (reason: Exclude<PrintResult, { ok: true }>['reason']): PrintResult => {
      log.warn('ticket not printed', { jobId: job.id, reason });
      return { ok: false, jobId: job.id, reason };
    };
    if (stopped) return fail('closed');
    const link = keeper.link;
    if (!link) return fail(status.current().state === 'no-reply' ? 'no-reply' : 'disconnected');
    if (!(await recover(link))) return fail('disconnected');
    try {
      // A printer that never answered is not asked around each job (the idle polls go on
      // asking): each question would only cost the reply timeout.
      if (!answers || !link.readable) {
        await link.write(bytes);
        pendingRecovery = 'none';
        log.info('ticket sent, unconfirmed', { jobId: job.id, bytes: bytes.length });
        return { ok: true, jobId: job.id, printedAt: now(), confirmed: false, bytes: bytes.length };
      }
      const before = await poll(link);
      if (!before) return fail(status.current().state === 'no-reply' ? 'no-reply' : 'disconnected');
      confirmRecovery(before);
      if (before.state !== 'ready' && before.state !== 'unknown') return fail(before.state);
      await link.write(bytes);
    } catch (error) {
      pendingRecovery = 'cut';
      keeper.drop(link, error as Error);
      return fail('interrupted');
    }
    // The answer comes after the printer has taken the whole job: the proof it got there.
    const after = await poll(link);
    if (!after) {
      pendingRecovery = 'cut';
      return fail('interrupted');
    }
    if (after.state !== 'ready' && after.state !== 'unknown') {
      pendingRecovery = 'cut';
      // Best effort: without it the printer may finish the ticket by itself once paper is back.
      await link.write(Uint8Array.from(clearBuffers())).catch(() => undefined);
      return fail(after.state);
    }
    log.info('ticket printed', { jobId: job.id, bytes: bytes.length, confirmed: after.state === 'ready' });
    return { ok: true, jobId: job.id, printedAt: now(), confirmed: after.state === 'ready', bytes: bytes.length };
  };

  const idleTimer = setInterval(() => {
    const link = keeper.link;
    if (busy || !link || stopped) return;
    busy = true;
    void serialize(() => poll(link)).finally(() => {
      busy = false;
    });
  }, options.idlePollMs ?? 5000);
  idleTimer.unref();
  keeper.start();

  return {
    print(job) {
      const joined = inFlight.get(job.id);
      if (joined) return joined;
      const bytes = encodeTicket(job.layout, profile);
      const result = serialize(() => printNow(job, bytes)).finally(() => inFlight.delete(job.id));
      inFlight.set(job.id, result);
      return result;
    },
    status: () => status.current(),
    onStatus: (listener) => status.subscribe(listener),
    async close() {
      stopped = true;
      clearInterval(idleTimer);
      reader.cancel();
      await wire;
      status.clear();
      await keeper.stop();
    },
  };
}
