import { crc32 } from 'node:zlib';
import type { QueueEvent, QueueEventType } from '../core/model.ts';

/**
 * One journal line: the event's JSON with its CRC-32 as a last member,
 * `{"type":"ticket.issued",…,"by":{…},"crc":"1c291ca3"}`. The checksum covers the event's own
 * JSON text (the line without `,"crc":"…"`), so a flipped byte inside a string, which still
 * parses, is caught (issue 12). Each line stays valid JSON for a technician's tools, and
 * journals written before the checksum still read.
 */
export interface EncodedEvent {
  line: string;
  crc: string;
}

const crcMember = /,"crc":"([0-9a-f]{8})"\}$/;

export function encodeEvent(event: QueueEvent): EncodedEvent {
  const json = JSON.stringify(event);
  const crc = checksum(json);
  return { line: `${json.slice(0, -1)},"crc":"${crc}"}\n`, crc };
}

/** The checksum that binds a snapshot to the event it was made after: the one its journal line carries. */
export function eventChecksum(event: QueueEvent): string {
  return checksum(JSON.stringify(event));
}

function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}

export type DecodedLine =
  | { ok: true; event: QueueEvent; crc: string; checked: boolean }
  | { ok: false; reason: 'bad_checksum' | 'unreadable_line' };

/**
 * Reads one line (without its newline). A line with a checksum must match it; a line without
 * one (written before checksums existed) must be an event of exactly the known shape, so a
 * damaged checksum member cannot pass it off as an old line.
 */
export function decodeLine(text: string): DecodedLine {
  const m = crcMember.exec(text);
  if (m) {
    const json = `${text.slice(0, m.index)}}`;
    if (checksum(json) !== m[1]) return { ok: false, reason: 'bad_checksum' };
    const event = parseEvent(json, false);
    return event ? { ok: true, event, crc: m[1]!, checked: true } : { ok: false, reason: 'unreadable_line' };
  }
  const event = parseEvent(text, true);
  return event ? { ok: true, event, crc: eventChecksum(event), checked: false } : { ok: false, reason: 'unreadable_line' };
}

function parseEvent(text: string, strict: boolean): QueueEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const e = value as Record<string, unknown>;
  const fields = typeof e.type === 'string' ? fieldsOf[e.type as QueueEventType] : undefined;
  if (!fields || !Number.isSafeInteger(e.seq) || (e.seq as number) < 1 || typeof e.at !== 'number') return null;
  if (typeof e.by !== 'object' || e.by === null || typeof (e.by as { kind?: unknown }).kind !== 'string') return null;
  if (Object.hasOwn(fields, 'ticketId') && typeof e.ticketId !== 'string') return null;
  if (strict && Object.keys(e).some((k) => !common.has(k) && !Object.hasOwn(fields, k))) return null;
  return value as QueueEvent;
}

const common = new Set(['type', 'seq', 'at', 'by']);

type FieldsOf<T extends QueueEventType> = Exclude<keyof Extract<QueueEvent, { type: T }>, 'type' | 'seq' | 'at' | 'by'>;

/** Each event type's own members (beyond type, seq, at, by), for checking lines written without a checksum. */
const fieldsOf: { [T in QueueEventType]: Record<FieldsOf<T>, true> } = {
  'ticket.issued': { ticketId: true, serviceId: true, number: true, label: true, priorityGroup: true, procedureCode: true },
  'ticket.called': { ticketId: true, counterId: true, how: true },
  'ticket.recalled': { ticketId: true, counterId: true },
  'ticket.started': { ticketId: true, counterId: true },
  'ticket.finished': { ticketId: true, counterId: true, dossierCode: true },
  'ticket.no_show': { ticketId: true, counterId: true },
  'ticket.transferred': { ticketId: true, fromCounterId: true, toServiceId: true, toCounterId: true, keepArrival: true },
  'ticket.parked': { ticketId: true, counterId: true },
  'ticket.cancelled': { ticketId: true, reason: true, counterId: true },
  'ticket.rated': { ticketId: true, level: true, reason: true, scale: true, dossierCode: true },
  'counter.opened': { counterId: true },
  'counter.paused': { counterId: true, reason: true },
  'counter.resumed': { counterId: true },
  'counter.closed': { counterId: true },
  'counter.taken_over': { counterId: true, fromClerkId: true },
  'counter.undone': { counterId: true, action: true, undoneSeqs: true, tickets: true, counter: true },
};
