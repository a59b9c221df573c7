/** How long the kiosk waits for a citizen, in milliseconds. */
export interface KioskTiming {
  /** No touch for this long starts the "more time?" warning. Defaults to 45 s. */
  idleMs: number;
  /** How long the warning stays before everything is cleared. Defaults to 20 s, the least ux.md allows. */
  warnMs: number;
  /** How long the ticket confirmation stays when the ticket printed. Defaults to 20 s. */
  confirmMs: number;
  /** How long it stays when the printer could not print: people need time to photograph the QR. Defaults to 60 s. */
  confirmUnprintedMs: number;
  /** After an upgrade, how long the untouched home screen waits before it reloads. Defaults to 10 s. */
  reloadQuietMs: number;
}

const defaults = { idle: 45, warn: 20, confirm: 20, confirmUnprinted: 60, reloadQuiet: 10 };

/**
 * Reads overrides in seconds from the page's query (`?idle=3&warn=2&confirm=5&reloadQuiet=2`), so a technician
 * can tune a kiosk from its start URL and tests need not wait for minutes. Bad values keep the default.
 */
export function kioskTiming(query: string): KioskTiming {
  const params = new URLSearchParams(query);
  const seconds = (name: string, fallback: number): number => {
    const raw = params.get(name);
    const value = raw === null ? NaN : Number(raw);
    return (Number.isFinite(value) && value >= 1 && value <= 3600 ? value : fallback) * 1000;
  };
  const confirm = seconds('confirm', defaults.confirm);
  return {
    idleMs: seconds('idle', defaults.idle),
    warnMs: seconds('warn', defaults.warn),
    confirmMs: confirm,
    confirmUnprintedMs: params.has('confirm') ? confirm : defaults.confirmUnprinted * 1000,
    reloadQuietMs: seconds('reloadQuiet', defaults.reloadQuiet),
  };
}
