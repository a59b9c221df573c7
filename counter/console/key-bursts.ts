/**
 * Keys closer together than this come from a barcode or QR scanner that types like a keyboard
 * (such scanners send a character every few ms), not from a person's fingers, who rarely press
 * two different keys within 80 ms, let alone six in a row.
 */
export const SCAN_GAP_MS = 80;
/** The shortest burst taken for a scanned dossier code; dossier codes are far longer. */
export const SCAN_MIN_LENGTH = 6;
/**
 * Once a burst is long enough to be a scan, a busy machine may still deliver the rest of the
 * code after a pause: keys within this long go on with the code instead of pressing shortcuts
 * (a code's tail "-NTS7" must never press No-show).
 */
const SCAN_TAIL_MS = 300;
/**
 * Likewise a scan's first keys may arrive as bursts of their own: keys that did nothing (digits,
 * dots) this shortly before a scan are taken as its beginning.
 */
const SCAN_LEAD_MS = 1000;

export type BurstOutcome = { kind: 'key'; key: string } | { kind: 'scan'; code: string };

/**
 * Tells a scanner's keystrokes from a clerk's, so a scanned dossier code goes into the dossier
 * field instead of pressing the console's shortcuts (a code holds letters such as S, T or F, and
 * the scanner ends it with Enter, which is Next). Each key waits for the gap to pass; a burst of
 * {@link SCAN_MIN_LENGTH} keys or more is a scan; a shorter burst is a person's key, and only
 * its first one counts: two keys within the gap (T and Enter rolled together) are a slip, not
 * two decisions. Pure: the caller passes the key's time and settles the burst after
 * {@link KeyBursts.settleAfterMs} without a key.
 */
export class KeyBursts {
  #keys: string[] = [];
  #first = 0;
  #last = Number.NEGATIVE_INFINITY;
  /** The short bursts just before, when their keys did nothing: maybe a scan's late beginning. */
  #lead: { keys: string[]; at: number } | null = null;

  /** `isShortcut`: whether a key does something on the console (then it cannot start a code). */
  constructor(private readonly isShortcut: (key: string) => boolean) {}

  /** How long without a key ends the burst now: longer once it is a scan. */
  settleAfterMs(): number {
    return this.#keys.length >= SCAN_MIN_LENGTH ? SCAN_TAIL_MS : SCAN_GAP_MS;
  }

  /** A key (one character, or `Enter`) at `at` ms; returns what the bursts before it came to. */
  push(key: string, at: number): BurstOutcome[] {
    const out: BurstOutcome[] = [];
    if (this.#keys.length > 0 && at - this.#last > this.settleAfterMs()) out.push(...this.settle());
    if (key === 'Enter' && this.#keys.length >= SCAN_MIN_LENGTH) {
      out.push(this.#scan());
      return out;
    }
    if (this.#keys.length === 0) this.#first = at;
    this.#keys.push(key);
    this.#last = at;
    return out;
  }

  /** The burst is over (no key for {@link settleAfterMs}): what it came to. */
  settle(): BurstOutcome[] {
    const keys = this.#keys;
    if (keys.length === 0) return [];
    if (keys.length >= SCAN_MIN_LENGTH && !keys.includes('Enter')) return [this.#scan()];
    this.#keys = [];
    if (keys.some((k) => this.isShortcut(k))) this.#lead = null;
    else this.#lead = { keys: [...(this.#recentLead(this.#first) ?? []), ...keys], at: this.#last };
    return [{ kind: 'key', key: keys[0]! }];
  }

  #recentLead(before: number): string[] | null {
    return this.#lead && before - this.#lead.at <= SCAN_LEAD_MS ? this.#lead.keys : null;
  }

  #scan(): BurstOutcome {
    const code = (this.#recentLead(this.#first) ?? []).join('') + this.#keys.join('');
    this.#keys = [];
    this.#lead = null;
    return { kind: 'scan', code };
  }
}
