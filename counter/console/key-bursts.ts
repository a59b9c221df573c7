/**
 * Keys closer together than this come from a barcode or QR scanner that types like a keyboard
 * (such scanners send a character every few ms), not from a person's fingers.
 */
export const SCAN_GAP_MS = 40;
/** The shortest burst taken for a scanned dossier code; dossier codes are far longer. */
export const SCAN_MIN_LENGTH = 6;

export type BurstOutcome = { kind: 'key'; key: string } | { kind: 'scan'; code: string };

/**
 * Tells a scanner's keystrokes from a clerk's, so a scanned dossier code goes into the dossier
 * field instead of pressing the console's shortcuts (a code holds letters such as S, T or F, and
 * the scanner ends it with Enter, which is Next). Each key waits for the gap to pass; a burst of
 * {@link SCAN_MIN_LENGTH} keys or more is a scan; a shorter burst is a person's key, and only
 * its first one counts: two keys within 40 ms (T and Enter rolled together) are a slip, not two
 * decisions. Pure: the caller passes the key's time and settles the burst after the gap.
 */
export class KeyBursts {
  #keys: string[] = [];
  #last = Number.NEGATIVE_INFINITY;

  /** A key (one character, or `Enter`) at `at` ms; returns what the bursts before it came to. */
  push(key: string, at: number): BurstOutcome[] {
    const out: BurstOutcome[] = [];
    if (this.#keys.length > 0 && at - this.#last > SCAN_GAP_MS) out.push(...this.settle());
    if (key === 'Enter' && this.#keys.length >= SCAN_MIN_LENGTH) {
      out.push({ kind: 'scan', code: this.#keys.join('') });
      this.#keys = [];
      return out;
    }
    this.#keys.push(key);
    this.#last = at;
    return out;
  }

  /** The burst is over (no key for the gap): what it came to. */
  settle(): BurstOutcome[] {
    const keys = this.#keys;
    this.#keys = [];
    if (keys.length === 0) return [];
    if (keys.length >= SCAN_MIN_LENGTH && !keys.includes('Enter')) return [{ kind: 'scan', code: keys.join('') }];
    return [{ kind: 'key', key: keys[0]! }];
  }
}
