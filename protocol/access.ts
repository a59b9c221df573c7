import type { DeviceKindName } from './commands.ts';

/**
 * Who may call a route or a command. Every entry of the route map (`routes.ts`) and of the
 * command map (`command-rules.ts`) names one, and the server enforces it in one place before
 * the handler runs: the HTTP router and the socket gateway's `handle()`.
 *
 * A caller without any identity (no token, or one the server no longer knows) is refused with
 * `unauthenticated` (HTTP 401). A caller who is signed in but not the one the policy names is
 * refused with `forbidden` (403); the counter policies have their own codes, listed below.
 */
export type Policy =
  /** Anyone: displays, follow pages, sign-in and pairing screens. */
  | { kind: 'public' }
  /** Any paired device or signed-in person. */
  | { kind: 'signed-in' }
  /** A signed-in person (clerk or admin); a device is told to sign in (`unauthenticated`). */
  | { kind: 'staff' }
  | { kind: 'admin' }
  /** A paired device of this kind. */
  | { kind: 'device'; device: DeviceKindName }
  /** A paired device of this kind that belongs to the payload's `counterId`. */
  | { kind: 'device-of-counter'; device: DeviceKindName }
  /** A person allowed to work at the payload's `counterId` (their account's counters, or any). */
  | { kind: 'staff-for-counter' }
  /**
   * A person whose connection is signed in to the payload's `counterId` (`not_signed_in_to_counter`
   * otherwise) and holds it: a console another one took the counter over from only views it
   * (`counter_not_held`).
   */
  | { kind: 'clerk-at-counter' }
  /**
   * Whoever holds the one-time set-up token printed on the server's console (the body's
   * `token`), while no admin exists: `setup_done`, `too_many_attempts`, `setup_token_invalid`.
   */
  | { kind: 'setup-token' }
  /** Any one of these. */
  | { kind: 'either'; of: readonly Policy[] };

/** The policies by name, as the route and command maps write them: `access.admin`, `access.device('kiosk')`. */
export const access = {
  public: { kind: 'public' },
  signedIn: { kind: 'signed-in' },
  staff: { kind: 'staff' },
  admin: { kind: 'admin' },
  staffForCounter: { kind: 'staff-for-counter' },
  clerkAtCounter: { kind: 'clerk-at-counter' },
  setupToken: { kind: 'setup-token' },
  device: (kind: DeviceKindName): Policy => ({ kind: 'device', device: kind }),
  deviceOfCounter: (kind: DeviceKindName): Policy => ({ kind: 'device-of-counter', device: kind }),
  either: (...of: Policy[]): Policy => ({ kind: 'either', of }),
} as const satisfies Record<string, Policy | ((...args: never[]) => Policy)>;

/** The policy in words, for the access table the tests print and for documentation. */
export function describePolicy(p: Policy): string {
  switch (p.kind) {
    case 'public':
      return 'public';
    case 'signed-in':
      return 'any paired device or signed-in person';
    case 'staff':
      return 'staff (clerk or admin)';
    case 'admin':
      return 'admin';
    case 'device':
      return `${p.device} device`;
    case 'device-of-counter':
      return `${p.device} device of this counter`;
    case 'staff-for-counter':
      return 'staff allowed at this counter';
    case 'clerk-at-counter':
      return 'clerk signed in to this counter, on the console holding it';
    case 'setup-token':
      return 'holder of the set-up token (before the first admin)';
    case 'either':
      return p.of.map(describePolicy).join(' or ');
  }
}
