import { PRINTER_MODELS } from '../../hardware/printer/index.ts';
import type { PrinterConfig, PrintersView } from '../../protocol/printers.ts';
import type { AppContext } from './context.ts';

/** What the admin's printer page shows: every printer with its state, kiosks and last prints, the presets, the kiosks. */
export function printersView(ctx: AppContext): PrintersView {
  const settings = ctx.printing.settings();
  const kiosks = ctx.auth.devices().filter((d) => d.kind === 'kiosk' && d.revokedAt === null);
  return {
    printers: settings.printers.map((config) => ({
      config,
      state: ctx.printing.state(config.id),
      kiosks: kiosks.filter((k) => ctx.printing.printerFor(k.id) === config.id).map((k) => k.id),
      jobs: ctx.printing.jobs(config.id).slice(0, 50),
    })),
    models: PRINTER_MODELS.map((m) => ({ id: m.id, name: m.name, profile: m.profile, codePagesKnown: m.known.cp1258 || m.known.tcvn3 })),
    kiosks: kiosks.map((k) => ({ id: k.id, name: k.name, printerId: settings.kiosks[k.id] ?? null })),
  };
}

// One change at a time, so two admins' edits never overwrite each other half-way.
let changes: Promise<unknown> = Promise.resolve();
const serially = <T>(work: () => Promise<T>): Promise<T> => {
  const run = changes.then(work, work);
  changes = run.catch(() => undefined);
  return run;
};

/** Adds a printer, or replaces the one with the same id. */
export function savePrinter(ctx: AppContext, printer: unknown): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  return serially(() => {
    const settings = ctx.printing.settings();
    const id = (printer as Partial<PrinterConfig> | null)?.id;
    const others = settings.printers.filter((p) => p.id !== id);
    const at = settings.printers.findIndex((p) => p.id === id);
    const printers = at < 0 ? [...others, printer] : settings.printers.map((p, i) => (i === at ? printer : p));
    return ctx.printing.replace({ ...settings, printers });
  });
}

/** Removes a printer; kiosks that printed there go to the first printer. */
export function removePrinter(ctx: AppContext, id: string): Promise<{ ok: true } | { ok: false; problems: string[] } | 'not_found'> {
  return serially(async () => {
    const settings = ctx.printing.settings();
    if (!settings.printers.some((p) => p.id === id)) return 'not_found';
    const kiosks = Object.fromEntries(Object.entries(settings.kiosks).filter(([, printerId]) => printerId !== id));
    return ctx.printing.replace({ ...settings, printers: settings.printers.filter((p) => p.id !== id), kiosks });
  });
}

/** Makes a kiosk print on a printer (null: the first printer). */
export function assignKioskPrinter(
  ctx: AppContext,
  kioskId: string,
  printerId: string | null,
): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  return serially(() => {
    const settings = ctx.printing.settings();
    const kiosks = { ...settings.kiosks };
    if (printerId === null) delete kiosks[kioskId];
    else kiosks[kioskId] = printerId;
    return ctx.printing.replace({ ...settings, kiosks });
  });
}
