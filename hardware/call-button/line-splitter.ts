import { MAX_LINE_LENGTH } from './frame-types.ts';

/** What the splitter found in the bytes it was given, in order. */
export type SplitEvent = { kind: 'line'; text: string } | { kind: 'overlong' };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a byte stream into lines ended by CR LF or a bare LF. Pure and incremental: feed it
 * whatever chunks the port delivers. A line longer than `maxLength` characters is reported as
 * `overlong` and dropped without being buffered whole, so a device spewing noise without line
 * ends cannot grow memory. Bytes are decoded as latin1 (one character per byte), so garbage
 * never throws and the checksum still sees every byte.
 */
export class LineSplitter {
  readonly #maxLength: number;
  #pending: number[] = [];
  /** True from the moment the current line is known to be too long until its line end. */
  #discarding = false;

  /** @param maxLength longest accepted line without its line end. Defaults to 64. */
  constructor(maxLength = MAX_LINE_LENGTH) {
    this.#maxLength = maxLength;
  }

  /** Consumes one chunk and returns the complete lines (and dropped overlong lines) it ended. */
  push(chunk: Uint8Array): SplitEvent[] {
    const events: SplitEvent[] = [];
    for (const byte of chunk) {
      if (byte === LF) {
        events.push(...this.#endLine());
      } else if (!this.#discarding) {
        this.#pending.push(byte);
        // One spare byte: the CR of a CR LF ending does not count toward the line length.
        if (this.#pending.length > this.#maxLength + 1) {
          this.#discarding = true;
          this.#pending = [];
        }
      }
    }
    return events;
  }

  #endLine(): SplitEvent[] {
    if (this.#discarding) {
      this.#discarding = false;
      return [{ kind: 'overlong' }];
    }
    const bytes = this.#pending;
    this.#pending = [];
    if (bytes[bytes.length - 1] === CR) bytes.pop();
    // Blank lines carry nothing (a CR LF after a bare-LF device, line noise); skip them silently.
    if (bytes.length === 0) return [];
    if (bytes.length > this.#maxLength) return [{ kind: 'overlong' }];
    return [{ kind: 'line', text: String.fromCharCode(...bytes) }];
  }
}
