import { newToken } from './tokens.ts';

/**
 * New device tokens on their way to browsers. A device app's connection that authenticated
 * with its cookie is sent a one-time claim instead of its new token (`device:token-claim`):
 * the app redeems it over HTTP (`claimDeviceToken`), where the server can set the new cookie,
 * and no script in the page ever sees the token. A claim is good once, for its own device,
 * while the rotation waits for the device's answer.
 */
export class TokenClaims {
  private readonly open = new Map<string, { deviceId: string; token: string }>();

  offer(deviceId: string, token: string): string {
    const claim = newToken('clm');
    this.open.set(claim, { deviceId, token });
    return claim;
  }

  /** The token the claim stands for, once, if the claim is open and the device's own. */
  take(claim: string, deviceId: string): string | null {
    const offered = this.open.get(claim);
    if (!offered || offered.deviceId !== deviceId) return null;
    this.open.delete(claim);
    return offered.token;
  }

  /** The rotation has its answer (or gave up waiting): the claim is no good any more. */
  withdraw(claim: string): void {
    this.open.delete(claim);
  }
}
