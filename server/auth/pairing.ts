import { randomInt } from 'node:crypto';
import type { DeviceKindName } from '../../protocol/commands.ts';

export interface PairingRequest {
  kind: DeviceKindName;
  name: string;
  counterId: number | null;
  /** The printer a kiosk will print on; null: the first printer. */
  printerId: string | null;
}

const lifetimeMs = 10 * 60_000;

/**
 * One-time pairing codes: an admin makes one for a device, the device enters it once and
 * gets its long-lived token. Eight digits, ten minutes, used once; guessing is rate-limited.
 */
export class PairingCodes {
  private readonly codes = new Map<string, PairingRequest & { expiresAt: number }>();

  create(request: PairingRequest, now: number): { code: string; expiresAt: number } {
    this.prune(now);
    let code: string;
    do code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    while (this.codes.has(code));
    const expiresAt = now + lifetimeMs;
    this.codes.set(code, { ...request, expiresAt });
    return { code, expiresAt };
  }

  redeem(code: string, now: number): PairingRequest | null {
    this.prune(now);
    const found = this.codes.get(code);
    if (!found) return null;
    this.codes.delete(code);
    return { kind: found.kind, name: found.name, counterId: found.counterId, printerId: found.printerId };
  }

  private prune(now: number): void {
    for (const [code, r] of this.codes) if (r.expiresAt <= now) this.codes.delete(code);
  }
}
