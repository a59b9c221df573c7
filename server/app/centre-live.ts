import type { DeviceConnections } from '../../protocol/admin.ts';
import type { IssuingState } from '../../protocol/health.ts';
import type { CentreLive, CentreProfile } from '../../protocol/hub/centre-status.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { ButtonLineHealth, PrinterState } from '../../protocol/views.ts';
import type { QueueState } from '../core/queue-state.ts';
import { connectedBoards } from '../gateway/connected-boards.ts';
import type { GatewayServer } from '../gateway/socket-types.ts';
import type { ShippingState } from '../hub-link/journal-shipper.ts';
import { kioskSnapshot } from '../views/kiosk-view.ts';
import type { AppContext } from './context.ts';

/** Everything a centre's status report is made from, gathered by the caller. */
export interface CentreFacts {
  config: SiteConfig;
  state: QueueState;
  now: number;
  printer: PrinterState;
  connections: DeviceConnections;
  boards: { online: number; soundOff: number };
  buttons: readonly ButtonLineHealth[];
  /** Whether the centre's store takes tickets now (a full or failing disk stops it). */
  issuing: IssuingState;
  shipping: ShippingState;
  lastEventAt: number | null;
  catalogueVersion: number | null;
}

/** The centre's live state as the province's status board shows it. */
export function centreLive(f: CentreFacts): CentreLive {
  const counters = { open: 0, paused: 0, closed: 0 };
  for (const c of f.config.counters) counters[f.state.counters.get(c.id)?.status ?? 'closed']++;
  let oldest = f.now;
  for (const id of f.state.waiting) oldest = Math.min(oldest, f.state.tickets.get(id)?.queuedAt ?? f.now);
  const kiosks = f.connections.devices.filter((d) => d.kind === 'kiosk');
  return {
    at: f.now,
    day: f.state.day,
    open: f.issuing.ok && kioskSnapshot(f.config, f.state, f.now, 'no_printer', f.issuing).services.some((s) => s.availability === 'open'),
    counters,
    waiting: f.state.waiting.size,
    longestWaitMinutes: Math.floor((f.now - oldest) / 60_000),
    waitingByService: Object.fromEntries([...f.state.waitingByService].map(([id, set]) => [id, set.size])),
    devices: {
      printer: f.printer,
      kiosks: { paired: kiosks.length, online: kiosks.filter((d) => d.connections > 0).length },
      boards: f.boards,
      buttonLines: { total: f.buttons.length, down: f.buttons.filter((b) => b.line !== 'open').length },
    },
    journal: { day: f.state.day, seq: f.state.seq, lastAt: f.lastEventAt },
    shipping: { pendingEvents: f.shipping.pendingEvents, oldestPendingAt: f.shipping.oldestPendingAt },
    catalogueVersion: f.catalogueVersion,
  };
}

/** The names and settings the province's reports need. */
export function centreProfile(config: SiteConfig, clerks: ReadonlyArray<{ id: string; name: string }>): CentreProfile {
  const { centre } = config;
  return {
    name: centre.name,
    level: centre.level,
    timeZone: centre.timeZone,
    targetWaitMinutes: centre.targetWaitMinutes,
    ratingScale: centre.ratingScale,
    services: config.services.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    counters: config.counters.map((c) => ({ id: c.id, name: c.name })),
    clerks: clerks.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** The centre's live state now, from the queue, the devices and the connected screens. */
export function liveOf(
  ctx: AppContext,
  io: GatewayServer,
  link: Pick<CentreFacts, 'shipping' | 'lastEventAt' | 'catalogueVersion'>,
): CentreLive {
  return centreLive({
    config: ctx.site.get(),
    state: ctx.engine.state,
    now: ctx.clock.now(),
    printer: worstPrinter(ctx.printing.settings().printers.map((p) => ctx.printing.state(p.id))),
    connections: ctx.connections(),
    boards: boardsOf(io),
    buttons: ctx.buttons.health(),
    issuing: ctx.engine.issuing,
    ...link,
  });
}

/** From the most to the least in need of a technician; a centre without printers has `no_printer`. */
const printerSeverity: readonly PrinterState[] = [
  'paper_out',
  'cover_open',
  'offline',
  'no_reply',
  'paper_near_end',
  'unknown',
  'ready',
  'virtual',
  'no_printer',
];

/** The state the province sees for a centre's printers: the worst of them. */
export function worstPrinter(states: readonly PrinterState[]): PrinterState {
  return printerSeverity.find((s) => states.includes(s)) ?? 'no_printer';
}

/**
 * Boards showing now, and how many of those meant to speak cannot (blocked by the browser, no
 * audio output, failing) or are set silent on a lobby board. A counter-top board is silent by
 * design (the lobby board speaks its calls), so its `off` is not a fault.
 */
function boardsOf(io: GatewayServer): { online: number; soundOff: number } {
  let online = 0;
  for (const socket of io.sockets.sockets.values()) if (socket.rooms.has('display')) online++;
  const soundOff = connectedBoards(io).filter(
    (b) => b.sound !== 'on' && !(b.sound === 'off' && b.page.startsWith('/display/counter/')),
  ).length;
  return { online, soundOff };
}
