import type { SetAsideReason } from '../../protocol/health.ts';
import type { QueueEvent } from '../core/model.ts';
import { decodeLine } from './journal-line.ts';

/** An intact event and where its line is in the file. */
export interface ScannedEvent {
  event: QueueEvent;
  crc: string;
  /** 1-based line number. */
  line: number;
  /** Byte range of the line, its newline included. */
  start: number;
  end: number;
}

/** A line that is not kept, and why. */
export interface SetAsideLine {
  line: number;
  reason: SetAsideReason;
  start: number;
  end: number;
  /** The event's seq when the line could still be read (an event out of sequence, or one that cannot apply). */
  seq: number | null;
}

export interface JournalScan {
  events: ScannedEvent[];
  setAside: SetAsideLine[];
}

/**
 * Reads every line of a day's journal (issue 12: one damaged line used to drop every event after
 * it). An intact event is kept wherever it is; a damaged line (bad checksum, not an event, a
 * block of zeros from a power cut, a torn last line) is set aside alone. Seqs must strictly
 * increase, not necessarily by one: a gap is where damage was set aside. Lines without a
 * checksum (journals from before it) are accepted only before the first line that has one.
 * The last line may lack its newline (the caller adds it before appending).
 */
export function scanJournal(content: Buffer): JournalScan {
  const events: ScannedEvent[] = [];
  const setAside: SetAsideLine[] = [];
  let lastSeq = 0;
  let checkedSeen = false;
  let line = 0;
  for (let start = 0; start < content.length; ) {
    line++;
    const newline = content.indexOf(0x0a, start);
    const end = newline === -1 ? content.length : newline + 1;
    const aside = (reason: SetAsideReason, seq: number | null = null) => setAside.push({ line, reason, start, end, seq });
    const text = content.subarray(start, newline === -1 ? end : newline).toString('utf8');
    if (text.length > 0) {
      const decoded = decodeLine(text);
      // A last line cut short by a power cut; one that is whole but lost only its newline still counts.
      if (!decoded.ok) aside(newline === -1 ? 'torn_line' : decoded.reason);
      else if (!decoded.checked && checkedSeen) aside('bad_checksum', decoded.event.seq);
      else if (decoded.event.seq <= lastSeq) aside('out_of_sequence', decoded.event.seq);
      else {
        checkedSeen ||= decoded.checked;
        lastSeq = decoded.event.seq;
        events.push({ event: decoded.event, crc: decoded.crc, line, start, end });
      }
    }
    start = end;
  }
  return { events, setAside };
}
