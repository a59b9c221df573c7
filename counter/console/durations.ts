/** `m:ss` under an hour, `h:mm:ss` from there; negative spans (clock skew) show as 0:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The ticket's times as the console shows them, on the server's clock: how long the citizen
 * waited (until the first call, or until now while still not called), and how long the ticket
 * has been at the counter since it was called or since service started.
 */
export function ticketTimes(
  t: { issuedAt: number; calledAt: number | null; startedAt: number | null },
  serverNow: number,
): { waitedMs: number; sinceCallMs: number | null; servingMs: number | null } {
  return {
    waitedMs: (t.calledAt ?? serverNow) - t.issuedAt,
    sinceCallMs: t.calledAt === null ? null : serverNow - t.calledAt,
    servingMs: t.startedAt === null ? null : serverNow - t.startedAt,
  };
}
