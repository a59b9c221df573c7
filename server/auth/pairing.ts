import { randomInt } from 'node:crypto';
import type { DeviceKindName } from '../../protocol/commands.ts';
import type { Clock } from '../clock.ts';

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
 * The ten minutes run on monotonic time; the wall-clock expiry is only for the admin to read.
 */
export class PairingCodes {
  private readonly codes = new Map<string, PairingRequest & { expiresAtMonotonic: number }>();

  constructor(private readonly clock: Clock) {}

  create(request: PairingRequest): { code: string; expiresAt: number } {
    this.prune();
    let code: string;
    do code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    while (this.codes.has(code));
    this.codes.set(code, { ...request, expiresAtMonotonic: this.clock.monotonic() + lifetimeMs });
    return { code, expiresAt: this.clock.now() + lifetimeMs };
  }

  redeem(code: string): PairingRequest | null {
    this.prune();
    const found = this.codes.get(code);
    if (!found) return null;
    this.codes.delete(code);
    return { kind: found.kind, name: found.name, counterId: found.counterId, printerId: found.printerId };
  }

  private prune(): void {
    const now = this.clock.monotonic();
    for (const [code, r] of this.codes) if (r.expiresAtMonotonic <= now) this.codes.delete(code);
  }
}
