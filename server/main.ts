import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveSettings, SettingsError, type FileSettings, type Settings } from './config.ts';
import { kioskView } from './app/live-views.ts';
import { formatWhen } from './app/results.ts';
import { settleRestore } from './app/backup-apply.ts';
import { createServer, repoDir, type MotcuaServer } from './create-server.ts';
import { serveInPlace, type ServedInPlace } from './serve-in-place.ts';
import { TicketPrinting } from './printing/ticket-printing.ts';
import { preloadTicketFonts } from '../hardware/printer/text-font.ts';
import { configureLogging, logger } from './log.ts';
import { DamagedFileError } from './store/damaged-file-error.ts';
import { DataDirLock, DataDirLockedError } from './store/data-dir-lock.ts';
import { DataFormatError, prepareDataDir } from './store/data-format.ts';
import { ConfigFileError, siteFileSettings } from './store/site-store.ts';

/**
 * The composition root: reads settings, picks real or virtual devices, builds the server,
 * listens, and tells the person at the console what to open.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const preliminary = resolveSettings(argv, process.env);
  configureLogging({ level: preliminary.logLevel });
  const log = logger('main');
  // One server per data directory, for the whole life of the process: taken before anything
  // reads the directory and kept across the in-place restart a restore makes, so no second
  // server can slip in between (issue 12). It goes with the process, however it ends.
  const lock = await DataDirLock.acquire(preliminary.dataDir, preliminary.port, Date.now());
  const { served, settings, printing } = await serve(argv, preliminary.dataDir, lock).catch(async (e: unknown) => {
    await lock.release();
    throw e;
  });
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await served.close();
    await lock.release();
    process.exit(code);
  };
  served.onRestart((outcome) => {
    if (outcome.ok) process.stdout.write(`\n  motcua restarted on the restored data (port ${served.port})\n\n`);
    else {
      process.stderr.write(`motcua: could not start again after a restore: ${String(outcome.error)}\n`);
      void lock.release().finally(() => process.exit(1));
    }
  });
  announce(
    settings.dataDir,
    settings.publicUrl.replace(/:\d+$/, `:${served.port}`),
    served.current.ctx.setup.token,
    settings.alwaysOpen,
    printing.settings().printers.every((p) => p.transport.kind === 'virtual'),
    nextOpening(served.current),
  );
  log.info('listening', { port: served.port, dataDir: settings.dataDir });
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Settles a restore a crash interrupted, opens the printers, then serves the data directory on the settings' port. */
async function serve(
  argv: string[],
  dataDir: string,
  lock: DataDirLock,
): Promise<{ served: ServedInPlace; settings: Settings; printing: TicketPrinting }> {
  // A restore a crash interrupted is finished first: the site file the settings come from may be half moved.
  await settleRestore(dataDir, { now: Date.now() });
  const siteFile = join(dataDir, 'site.json');
  const settings = resolveSettings(argv, process.env, await fileSettings(siteFile));
  // The printers open before the first server and may write printers.json (created from
  // --printer on a first start): the data's format is checked first, as the server does.
  await prepareDataDir(settings.dataDir);
  const printing = await TicketPrinting.inDataDir(settings.dataDir, settings.printerPath);
  // Raster tickets need the bundled faces: parsed before serving, not on the day's first ticket.
  preloadTicketFonts();
  // The printers, the port and the lock stay with the process; each server (a new one after a restore) is built afresh.
  const served = await serveInPlace(
    async (port, restart) =>
      createServer({
        settings: { ...resolveSettings(argv, process.env, await fileSettings(siteFile)), port },
        printing,
        restart,
        lock,
      }),
    settings.port,
  );
  return { served, settings, printing };
}

/** The site file's `server` section (the seed's on a first start); the site store reports what is wrong with a damaged one. */
async function fileSettings(path: string): Promise<FileSettings> {
  return (await siteFileSettings(path, join(repoDir, 'data/site.json'))) as FileSettings;
}

/** When no service hands out numbers now: the earliest time one does again (local text), else null. */
function nextOpening(server: MotcuaServer): string | null {
  const { ctx } = server;
  const config = ctx.site.get();
  const kiosk = kioskView(ctx);
  if (kiosk.services.some((s) => s.availability === 'open')) return null;
  const next = Math.min(...kiosk.services.map((s) => s.reopensAt ?? Infinity));
  return Number.isFinite(next) ? formatWhen(next, 'en', config.centre.timeZone) : 'not within 45 days';
}

function announce(
  dataDir: string,
  base: string,
  setupToken: string | null,
  alwaysOpen: boolean,
  virtualPrinter: boolean,
  closedUntil: string | null,
): void {
  const lines = [
    '',
    '  motcua is running',
    `    Kiosk     ${base}/kiosk/`,
    `    Display   ${base}/display/`,
    `    Counter   ${base}/counter/`,
    `    Admin     ${base}/admin/`,
    `    Data      ${dataDir}`,
    '',
  ];
  // Until 0.1 the data lived in ./var wherever the server was started; point at it rather than start empty beside it.
  const oldDefault = resolve('var');
  if (oldDefault !== dataDir && existsSync(join(oldDefault, 'site.json')))
    lines.push(
      `  Data of an earlier version found in ${oldDefault}; it is not used. Start with --data-dir ${oldDefault},`,
      `  or stop motcua and move what is in it to ${dataDir}.`,
      '',
    );
  if (setupToken) {
    lines.push('  First run: create the administrator account (this link works once):', `    ${base}/admin/#setup=${setupToken}`, '');
  }
  if (virtualPrinter) lines.push('  No printer configured: tickets go to the virtual printer (see Admin).', '');
  if (alwaysOpen) lines.push('  Demo mode (--always-open): numbers are handed out at any hour.', '');
  if (closedUntil)
    lines.push(
      `  The centre is closed now; numbers are handed out again at ${closedUntil}.`,
      '  To try it at any hour: npm start -- --always-open',
      '',
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  if (
    e instanceof SettingsError ||
    e instanceof ConfigFileError ||
    e instanceof DamagedFileError ||
    e instanceof DataDirLockedError ||
    e instanceof DataFormatError
  ) {
    process.stderr.write(`motcua: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`motcua: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
