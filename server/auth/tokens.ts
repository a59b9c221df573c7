import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A long random bearer token; only its hash is stored. */
export function newToken(prefix: 'dev' | 'ses' | 'set' | 'cen' | 'mac' | 'whk' | 'clm'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Ticket ids: short, lower-case, unguessable enough; the follow link is signed anyway. */
export function newTicketId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Signs a ticket id for its follow link, so nobody can walk through other people's tickets. */
export function signTicket(secret: string, ticketId: string): string {
  return createHmac('sha256', secret).update(`ticket:${ticketId}`).digest('base64url').slice(0, 16);
}

export function ticketRef(secret: string, ticketId: string): string {
  return `${ticketId}.${signTicket(secret, ticketId)}`;
}

/** The ticket id of a correctly signed reference, or null. */
export function verifyTicketRef(secret: string, ref: string): string | null {
  const [id, sig] = ref.split('.');
  if (!id || !sig) return null;
  const expected = Buffer.from(signTicket(secret, id));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
