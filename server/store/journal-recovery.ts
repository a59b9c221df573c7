import type { QueueEvent, QueueEventType } from '../core/model.ts';

const knownTypes: ReadonlySet<QueueEventType> = new Set<QueueEventType>([
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no_show',
  'ticket.transferred',
  'ticket.parked',
  'ticket.cancelled',
  'ticket.rated',
  'counter.opened',
  'counter.paused',
  'counter.resumed',
  'counter.closed',
]);

/** What was found past the last good event: a torn line from a power cut, or worse. */
export interface JournalDamage {
  /** Byte offset where the good part ends; the file is cut back to it. */
  goodBytes: number;
  damagedBytes: number;
  /** 1-based line number of the first damaged line. */
  line: number;
  reason: 'torn_line' | 'unreadable_line' | 'out_of_sequence';
}

export interface RecoveredJournal {
  events: QueueEvent[];
  damage: JournalDamage | null;
}

/**
 * Reads a day's journal: every complete, well-formed event in sequence is kept; the first
 * line that is not (a line cut by a power failure, garbage, a gap) and everything after it
 * is reported as damage. Events after a gap cannot be applied safely, so they are not guessed at.
 */
export function recoverJournal(content: Buffer): RecoveredJournal {
  const events: QueueEvent[] = [];
  let offset = 0;
  let line = 0;
  while (offset < content.length) {
    line++;
    const newline = content.indexOf(0x0a, offset);
    const damage = (reason: JournalDamage['reason']): RecoveredJournal => ({
      events,
      damage: { goodBytes: offset, damagedBytes: content.length - offset, line, reason },
    });
    if (newline === -1) return damage('torn_line');
    const event = parseEvent(content.subarray(offset, newline).toString('utf8'));
    if (!event) return damage('unreadable_line');
    if (event.seq !== events.length + 1) return damage('out_of_sequence');
    events.push(event);
    offset = newline + 1;
  }
  return { events, damage: null };
}

function parseEvent(text: string): QueueEvent | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const e = value as Partial<QueueEvent>;
    if (typeof e.seq !== 'number' || typeof e.at !== 'number' || typeof e.type !== 'string') return null;
    if (!knownTypes.has(e.type) || typeof e.by !== 'object' || e.by === null) return null;
    return value as QueueEvent;
  } catch {
    return null;
  }
}
