import { configureLogging, logger } from '../server/log.ts';
import { resolveHubSettings, HubSettingsError } from './config.ts';
import { createHub } from './create-hub.ts';
import { openDatabase } from './db/database.ts';
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres.ts';

/**
 * The hub's composition root: settings, the database (the province's server by URL, else the
 * embedded one), the hub, and what to open.
 */
async function main(): Promise<void> {
  const settings = resolveHubSettings(process.argv.slice(2), process.env);
  configureLogging({ level: settings.logLevel });
  const log = logger('hub-main');
  let embedded: EmbeddedPostgres | null = null;
  if (!settings.databaseUrl) embedded = await startEmbeddedPostgres(settings.dataDir);
  const db = await openDatabase(settings.databaseUrl ?? embedded!.url);
  const hub = await createHub({ settings, db });
  const port = await hub.listen();
  const setupToken = await hub.ctx.users.setupToken();
  const base = `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`;
  const lines = [
    '',
    '  motcua hub is running',
    `    Province app  ${base}/`,
    `    Database      ${embedded ? `embedded, in ${settings.dataDir}` : 'PostgreSQL server (--database)'}`,
    '',
  ];
  if (setupToken)
    lines.push('  First run: create the province administrator (this link works once):', `    ${base}/#setup=${setupToken}`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
  log.info('listening', { port });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await hub.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof HubSettingsError || e instanceof EmbeddedPostgresError) {
    process.stderr.write(`motcua hub: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`motcua hub: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
