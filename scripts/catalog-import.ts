/**
 * Imports a procedure catalogue into the data directory:
 *   npm run catalog:import -- FILE [--data-dir DIR] [--lang vi|en]
 * FILE is a JSON export in the catalogue shape or a CSV in the columns documented in
 * docs/catalogue-import.md, in UTF-8, UTF-16, Windows-1258, TCVN-3 or VNI. Any bad row refuses the whole file, lists every problem
 * with its row, exits 1 and leaves the current catalogue as it was.
 * `--data-dir` defaults to the server's data directory (`MOTCUA_DATA_DIR`, else the default of
 * `server/config.ts`); `--lang` picks the language of messages and defaults to Vietnamese. While
 * a server runs on the data directory it owns the catalogue: import from the admin app instead.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolveSettings } from '../server/config.ts';
import { writeCatalogueFile } from '../server/catalogue/catalogue-file.ts';
import { importCatalogueFile } from '../server/catalogue/import-file.ts';
import { DataDirLock, DataDirLockedError } from '../server/store/data-dir-lock.ts';
import { catalogueTranslator, problemMessage, type CatalogueLanguage } from '../server/catalogue/problem-messages.ts';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, lang: { type: 'string', default: 'vi' } },
  });
  const language: CatalogueLanguage = values.lang === 'en' ? 'en' : 'vi';
  const t = await catalogueTranslator(language);
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(t('cli.usage'));
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    console.error(t('cli.read_failed', { file, detail: (error as Error).message }));
    return 1;
  }

  const outcome = importCatalogueFile(bytes, file);
  if (!outcome.ok) {
    for (const problem of outcome.problems) console.error(problemMessage(t, problem));
    console.error(t('cli.refused', { count: outcome.problems.length }));
    return 1;
  }
  const dataDir = resolveSettings(values['data-dir'] ? ['--data-dir', values['data-dir']] : [], process.env).dataDir;
  // A running server owns catalogue.json: writing behind its back would be lost at its next edit.
  let lock: DataDirLock;
  try {
    lock = await DataDirLock.acquire(dataDir, 0, Date.now());
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(t('cli.server_running', { pid: error.holder.pid, port: error.holder.port }));
    return 1;
  }
  try {
    const { catalogue, encoding } = outcome.value;
    const written = await writeCatalogueFile(dataDir, catalogue);
    console.log(t('cli.imported', { count: catalogue.procedures.length, fields: catalogue.fields.length, file: written, encoding }));
    return 0;
  } catch (error) {
    console.error(t('cli.write_failed', { detail: (error as Error).message }));
    return 1;
  } finally {
    await lock.release();
  }
}

process.exitCode = await main(process.argv.slice(2));
