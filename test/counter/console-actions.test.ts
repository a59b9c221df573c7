import { describe, expect, it } from 'vitest';
import { ACTION_KEYS, actionForKey, availableActions, CONSOLE_ACTIONS, simpleCommand } from '../../counter/console/console-actions.ts';
import type { CounterSnapshot, TicketStaffView } from '../../protocol/views.ts';

function ticket(over: Partial<TicketStaffView> = {}): TicketStaffView {
  return {
    id: 't1',
    label: '1001',
    serviceId: 'civil',
    status: 'waiting',
    priorityGroup: null,
    procedureCode: null,
    issuedAt: 0,
    queuedAt: 0,
    calledAt: null,
    startedAt: null,
    recalls: 0,
    targetCounterId: null,
    dossierCode: null,
    ...over,
  };
}

function snapshot(
  over: { status?: CounterSnapshot['counter']['status']; current?: TicketStaffView | null; queue?: TicketStaffView[] } = {},
): CounterSnapshot {
  const empty = {
    issued: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    open: 0,
    avgWaitMinutes: null,
    p90WaitMinutes: null,
    avgServiceMinutes: null,
    withinTargetShare: null,
  };
  return {
    serverTime: 0,
    viewAt: 0,
    issuing: { ok: true },
    counter: {
      id: 1,
      name: { vi: 'Quầy 1', en: 'Counter 1' },
      status: over.status ?? 'open',
      pauseReason: null,
      clerkName: null,
      serviceIds: ['civil'],
    },
    current: over.current ?? null,
    queue: over.queue ?? [],
    waitingCount: over.queue?.length ?? 0,
    parked: [],
    today: empty,
    services: [],
    counters: [],
    maxRecalls: 2,
    timeZone: 'Asia/Ho_Chi_Minh',
    control: 'holding',
    holder: null,
    undo: null,
  };
}

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('console keyboard shortcuts', () => {
  it('maps Space and Enter to next and letters to their actions, in either case', () => {
    expect(actionForKey({ key: ' ' })).toBe('next');
    expect(actionForKey({ key: 'Enter' })).toBe('next');
    expect(actionForKey({ key: 'R' })).toBe('recall');
    expect(actionForKey({ key: 'n' })).toBe('noShow');
    expect(actionForKey({ key: 'k' })).toBe('park');
    expect(actionForKey({ key: 'x' })).toBe('close');
  });

  it('leaves keys held with Ctrl, Alt or Meta, and unknown keys, to the browser', () => {
    expect(actionForKey({ key: 'r', ctrlKey: true })).toBeNull();
    expect(actionForKey({ key: 'f', metaKey: true })).toBeNull();
    expect(actionForKey({ key: 'q' })).toBeNull();
    expect(actionForKey({ key: 'Tab' })).toBeNull();
  });

  it('gives every action its own keys, each of which leads back to it', () => {
    const all = CONSOLE_ACTIONS.flatMap((a) => ACTION_KEYS[a]);
    expect(new Set(all).size).toBe(all.length);
    for (const a of CONSOLE_ACTIONS) for (const key of ACTION_KEYS[a]) expect(actionForKey({ key })).toBe(a);
  });
});

describe('which actions the console offers', () => {
  it('offers next, pause and close at a free open counter', () => {
    expect(sorted(availableActions(snapshot(), null))).toEqual(['close', 'next', 'pause']);
  });

  it('offers recall, start, no-show, finish, transfer and park for a called ticket, not close', () => {
    const s = snapshot({ current: ticket({ status: 'called' }) });
    expect(sorted(availableActions(s, null))).toEqual(['finish', 'next', 'noShow', 'park', 'pause', 'recall', 'start', 'transfer']);
  });

  it('stops offering recall once the recall limit is reached', () => {
    expect(availableActions(snapshot({ current: ticket({ status: 'called', recalls: 2 }) }), null).has('recall')).toBe(false);
  });

  it('does not offer start, recall or no-show while serving', () => {
    const a = availableActions(snapshot({ current: ticket({ status: 'serving' }) }), null);
    expect(['start', 'recall', 'noShow'].filter((x) => a.has(x as never))).toEqual([]);
    expect(a.has('finish')).toBe(true);
  });

  it('offers only resume (and close when free) while paused: nobody is called', () => {
    expect(sorted(availableActions(snapshot({ status: 'paused', queue: [ticket()] }), 't1'))).toEqual(['close', 'resume']);
  });

  it('offers to call a chosen ticket only while it is still in the queue', () => {
    const s = snapshot({ queue: [ticket({ id: 'a' })] });
    expect(availableActions(s, 'a').has('call')).toBe(true);
    expect(availableActions(s, 'gone').has('call')).toBe(false);
    expect(availableActions(s, null).has('call')).toBe(false);
  });

  it('offers undo while the counter has something to undo', () => {
    const undo = { action: 'next' as const, remainingMs: 15_000, tickets: [], counterStatus: null };
    expect(availableActions({ ...snapshot(), undo }, null).has('undo')).toBe(true);
    expect(availableActions(snapshot(), null).has('undo')).toBe(false);
  });

  it('offers nothing on a console another one took the counter over from', () => {
    const s = { ...snapshot({ current: ticket({ status: 'called' }) }), control: 'viewing' as const };
    expect(sorted(availableActions(s, null))).toEqual([]);
  });

  it('opens a closed counter with next but offers no pause there', () => {
    const a = availableActions(snapshot({ status: 'closed' }), null);
    expect(a.has('next')).toBe(true);
    expect(a.has('pause')).toBe(false);
    expect(a.has('close')).toBe(false);
  });

  it('sends the simple actions as their counter commands; dialogs and chosen tickets are not simple', () => {
    expect(simpleCommand('noShow')).toBe('counter:no-show');
    expect(simpleCommand('next')).toBe('counter:next');
    expect(simpleCommand('transfer')).toBeNull();
    expect(simpleCommand('pause')).toBeNull();
    expect(simpleCommand('call')).toBeNull();
  });
});
