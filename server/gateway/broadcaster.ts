import type { AppContext } from '../app/context.ts';
import { viewOfCounter } from '../app/counter-actions.ts';
import { adminView, displayView, followView, kioskView } from '../app/live-views.ts';
import type { QueueEvent } from '../core/model.ts';
import { callView } from '../views/display-view.ts';
import { kioskSnapshotFor } from './kiosk-printer.ts';
import { requestRating, withdrawRating } from './rating-handlers.ts';
import type { GatewayNamespace, GatewayServer } from './socket-types.ts';

const adminEveryMs = 1000;
const snapshotEveryMs = 20;

/**
 * After each durable change, pushes the affected views to their rooms. Calls go out first as
 * `ticket:called` (the voice speaks each one), then the snapshots that heal any missed message.
 */
export function startBroadcasting(io: GatewayServer, ctx: AppContext): () => void {
  let adminTimer: NodeJS.Timeout | null = null;
  const pushAdmin = () => {
    adminTimer = null;
    if (!io.sockets.adapter.rooms.has('admin')) return;
    io.to('admin').emit('admin:snapshot', adminView(ctx));
  };

  // Snapshots are pushed at most every `snapshotEveryMs`, however many changes that held: under
  // load this keeps the cost per ticket flat, and the call itself (sent at once, one by one)
  // reaches every board before the larger snapshots follow it onto the wire.
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    io.to('display').emit('display:snapshot', displayView(ctx));
    pushKiosks(io, ctx);
    pushCounters(io, ctx);
    pushFollowers(io, ctx);
    // Statistics cover the whole day: at most one admin snapshot a second.
    adminTimer ??= setTimeout(pushAdmin, adminEveryMs);
  };
  const pushAll = (events: readonly QueueEvent[]) => {
    const config = ctx.site.get();
    const state = ctx.engine.state;
    for (const e of events) {
      if (e.type === 'ticket.called' || e.type === 'ticket.recalled') {
        const t = state.tickets.get(e.ticketId);
        if (t) io.to('display').emit('ticket:called', callView(config, t));
      }
      if (e.type === 'ticket.finished') requestRating(io, ctx, e.ticketId);
      if (e.type === 'counter.undone') for (const t of e.tickets) if (t.status !== 'finished') withdrawRating(io, ctx, e.counterId, t.id);
    }
    if (!flushScheduled) {
      flushScheduled = true;
      setTimeout(flush, snapshotEveryMs);
    }
  };

  const offChange = ctx.engine.onChange(pushAll);
  const offDay = ctx.engine.onDayStarted(() => pushAll([]));
  // Issuing stopped or resumed (the journal could not be written), or the clock jumped: every
  // screen hears of it at once, and after a reopening gets the state rebuilt from the journal.
  const offHealth = ctx.engine.onHealth(() => pushAll([]));
  // A configuration change (services, counters, names, hours) shows on every screen at once.
  const offConfig = ctx.site.onChange(() => pushAll([]));
  // So does a new recording: the boards' config version moves and they fetch the pack again.
  const offVoicePack = ctx.voicePack.onChange(() => pushAll([]));
  // Device health (button heartbeats, unplugs) reaches the admin at the same pace as the figures.
  const offButtons = ctx.buttons.onHealth(() => (adminTimer ??= setTimeout(pushAdmin, adminEveryMs)));
  // A printer's state, or which printer a kiosk uses, changed: the kiosks hear it at once.
  const offPrinter = ctx.printing.onChange(() => pushKiosks(io, ctx));
  return () => {
    offChange();
    offDay();
    offHealth();
    offConfig();
    offVoicePack();
    offPrinter();
    offButtons();
    if (adminTimer) clearTimeout(adminTimer);
  };
}

/**
 * Each kiosk gets the snapshot with its own printer's state; a centre has a handful of kiosks,
 * so one emit each is cheap. Staff at a help desk see the first printer.
 */
function pushKiosks(io: GatewayServer, ctx: AppContext): void {
  const ids = io.sockets.adapter.rooms.get('kiosk');
  if (!ids || ids.size === 0) return;
  const base = kioskView(ctx);
  for (const id of ids) {
    const socket = io.sockets.sockets.get(id);
    if (socket) socket.emit('kiosk:snapshot', kioskSnapshotFor(ctx, base, socket.data.principal));
  }
}

/** Each signed-in counter gets its view: queues shift for every counter when anyone calls. */
function pushCounters(io: GatewayServer, ctx: AppContext): void {
  for (const [room] of io.sockets.adapter.rooms) if (room.startsWith('counter:')) pushCounterView(io.sockets, ctx, Number(room.slice(8)));
}

/**
 * Sends the counter's view to each console in its room, each with its own `control`: the one
 * holding the counter may act, the others see who took it over and only view it.
 */
export function pushCounterView(nsp: GatewayNamespace, ctx: AppContext, counterId: number): void {
  const ids = nsp.adapter.rooms.get(`counter:${counterId}`);
  if (!ids) return;
  const view = viewOfCounter(ctx, counterId, 'vi');
  if (!view.ok) return;
  for (const id of ids) {
    const socket = nsp.sockets.get(id);
    const control = ctx.holders.holds(counterId, id) ? 'holding' : 'viewing';
    socket?.emit('counter:snapshot', { ...view.value, control });
  }
}

/** Followed tickets: people ahead and the wait change whenever their queue moves. */
function pushFollowers(io: GatewayServer, ctx: AppContext): void {
  const state = ctx.engine.state;
  for (const [room] of io.sockets.adapter.rooms) {
    if (!room.startsWith('ticket:')) continue;
    const t = state.tickets.get(room.slice(7));
    if (t) io.to(room).emit('ticket:updated', followView(ctx, t));
  }
}
