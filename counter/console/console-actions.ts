import type { CounterSnapshot } from '../../protocol/views.ts';

/** Everything a clerk can do from the console, each with its own key. */
export type ConsoleAction =
  | 'next'
  | 'recall'
  | 'start'
  | 'finish'
  | 'noShow'
  | 'transfer'
  | 'park'
  | 'call'
  | 'undo'
  | 'pause'
  | 'resume'
  | 'close';

/** In the order the buttons are laid out. */
export const CONSOLE_ACTIONS: readonly ConsoleAction[] = [
  'next',
  'recall',
  'start',
  'finish',
  'noShow',
  'transfer',
  'park',
  'call',
  'undo',
  'pause',
  'resume',
  'close',
];

/** Keyboard shortcuts (`KeyboardEvent.key`, letters matched case-insensitively); the first is shown on the button. */
export const ACTION_KEYS: Readonly<Record<ConsoleAction, readonly string[]>> = {
  next: [' ', 'Enter'],
  recall: ['r'],
  start: ['s'],
  finish: ['f'],
  noShow: ['n'],
  transfer: ['t'],
  park: ['k'],
  call: ['c'],
  undo: ['z'],
  pause: ['p'],
  resume: ['u'],
  close: ['x'],
};

/** The action a key stands for, or null. Keys held with Ctrl, Alt or Meta belong to the browser. */
export function actionForKey(e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }): ConsoleAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return CONSOLE_ACTIONS.find((a) => ACTION_KEYS[a].includes(key)) ?? null;
}

/**
 * The actions that make sense now. The server decides (and may still refuse); this only keeps
 * buttons that would surely be refused from inviting a press, mirroring the queue's rules.
 */
export function availableActions(s: CounterSnapshot, selectedTicketId: string | null): ReadonlySet<ConsoleAction> {
  const status = s.counter.status;
  const current = s.current;
  const called = current?.status === 'called';
  const out = new Set<ConsoleAction>();
  // A console another one took the counter over from only views it.
  if (s.control === 'viewing') return out;
  if (status !== 'paused') out.add('next');
  if (called && current.recalls < s.maxRecalls) out.add('recall');
  if (called) out.add('start');
  if (current) out.add('finish').add('transfer').add('park');
  if (called) out.add('noShow');
  if (selectedTicketId && status !== 'paused' && s.queue.some((t) => t.id === selectedTicketId)) out.add('call');
  if (s.undo) out.add('undo');
  if (status === 'open') out.add('pause');
  if (status === 'paused') out.add('resume');
  if (status !== 'closed' && !current) out.add('close');
  return out;
}

/** The commands that need nothing but the counter: the rest open a dialog or name a ticket. */
type SimpleCommand =
  | 'counter:next'
  | 'counter:recall'
  | 'counter:start'
  | 'counter:finish'
  | 'counter:no-show'
  | 'counter:park'
  | 'counter:resume'
  | 'counter:close'
  | 'counter:undo';

const simpleEvents: Partial<Record<ConsoleAction, SimpleCommand>> = {
  next: 'counter:next',
  recall: 'counter:recall',
  start: 'counter:start',
  finish: 'counter:finish',
  noShow: 'counter:no-show',
  park: 'counter:park',
  resume: 'counter:resume',
  close: 'counter:close',
  undo: 'counter:undo',
};

/** The socket command of an action that takes only the counter, or null for the others. */
export function simpleCommand(action: ConsoleAction): SimpleCommand | null {
  return simpleEvents[action] ?? null;
}
