/**
 * The imported catalogue in the data directory (`<dataDir>/catalogue.json`), which the server
 * serves to kiosks. Written through lowdb's `JSONFile`, whose writer goes through a temporary
 * file and a rename, so a crash mid-write leaves the previous catalogue intact.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { JSONFile } from 'lowdb/node';
import type { Catalogue } from '../../protocol/catalogue.ts';
import { validateCatalogueData, type ImportOutcome } from './import.ts';

/** Where the catalogue lives inside a data directory. */
export function catalogueFilePath(dataDir: string): string {
  return path.join(dataDir, 'catalogue.json');
}

/** Replaces the catalogue in `dataDir` atomically, creating the directory if needed; returns the file path. */
export async function writeCatalogueFile(dataDir: string, catalogue: Catalogue): Promise<string> {
  const file = catalogueFilePath(dataDir);
  await mkdir(dataDir, { recursive: true });
  await new JSONFile<Catalogue>(file).write(catalogue);
  return file;
}

/**
 * Reads and validates the catalogue in `dataDir`; `null` when none has been imported yet.
 * A hand-edited file that no longer validates is reported like a refused import.
 */
export async function readCatalogueFile(dataDir: string): Promise<ImportOutcome<Catalogue> | null> {
  const data = await new JSONFile<unknown>(catalogueFilePath(dataDir)).read();
  return data === null ? null : validateCatalogueData(data);
}
