/**
 * Keys closer together than this come from a barcode or QR scanner that types like a keyboard
 * (such scanners send a character every few ms), not from a person's fingers, who rarely press
 * two different keys within 80 ms, let alone six in a row.
 */
export const SCAN_GAP_MS = 80;
/** The shortest burst taken for a scanned dossier code; dossier codes are far longer. */
export const SCAN_MIN_LENGTH = 6;
/**
 * A busy machine may deliver a scan's first keys late, as a burst of their own: keys that did
 * nothing (digits, dots) this shortly before a scan are taken as its beginning.
 */
const SCAN_LEAD_MS = 400;

export type BurstOutcome = { kind: 'key'; key: string } | { kind: 'scan'; code: string };

/**
 * Tells a scanner's keystrokes from a clerk's, so a scanned dossier code goes into the dossier
 * field instead of pressing the console's shortcuts (a code holds letters such as S, T or F, and
 * the scanner ends it with Enter, which is Next). Each key waits for the gap to pass; a burst of
 * {@link SCAN_MIN_LENGTH} keys or more is a scan; a shorter burst is a person's key, and only
 * its first one counts: two keys within the gap (T and Enter rolled together) are a slip, not
 * two decisions. Pure: the caller passes the key's time and settles the burst after the gap.
 */
export class KeyBursts {
  #keys: string[] = [];
  #first = 0;
  #last = Number.NEGATIVE_INFINITY;
  /** The last short burst, when its keys did nothing: maybe a scan's late beginning. */
  #lead: { keys: string[]; at: number } | null = null;

  /** `isShortcut`: whether a key does something on the console (then it cannot start a code). */
  constructor(private readonly isShortcut: (key: string) => boolean) {}

  /** A key (one character, or `Enter`) at `at` ms; returns what the bursts before it came to. */
  push(key: string, at: number): BurstOutcome[] {
    const out: BurstOutcome[] = [];
    if (this.#keys.length > 0 && at - this.#last > SCAN_GAP_MS) out.push(...this.settle());
    if (key === 'Enter' && this.#keys.length >= SCAN_MIN_LENGTH) {
      out.push(this.#scan());
      return out;
    }
    if (this.#keys.length === 0) this.#first = at;
    this.#keys.push(key);
    this.#last = at;
    return out;
  }

  /** The burst is over (no key for the gap): what it came to. */
  settle(): BurstOutcome[] {
    const keys = this.#keys;
    if (keys.length === 0) return [];
    if (keys.length >= SCAN_MIN_LENGTH && !keys.includes('Enter')) return [this.#scan()];
    this.#keys = [];
    this.#lead = keys.some((k) => this.isShortcut(k)) ? null : { keys, at: this.#last };
    return [{ kind: 'key', key: keys[0]! }];
  }

  #scan(): BurstOutcome {
    const lead = this.#lead && this.#first - this.#lead.at <= SCAN_LEAD_MS ? this.#lead.keys.join('') : '';
    const code = lead + this.#keys.join('');
    this.#keys = [];
    this.#lead = null;
    return { kind: 'scan', code };
  }
}
