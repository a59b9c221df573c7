/**
 * The imported catalogue in the data directory (`<dataDir>/catalogue.json`), which the server
 * serves to kiosks. Its one owner in a running server is `CatalogueSource`; the import script
 * writes it only while no server holds the data directory. Writes are durable and keep the
 * previous good copy (see `DurableJsonFile`).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../../protocol/catalogue.ts';
import { DurableJsonFile, type Validation } from '../store/durable-file.ts';
import { validateCatalogueData } from './import.ts';

/** Where the catalogue lives inside a data directory. */
export function catalogueFilePath(dataDir: string): string {
  return path.join(dataDir, 'catalogue.json');
}

/** The catalogue file of a data directory, validated on every read as an import is. */
export function catalogueFile(dataDir: string): DurableJsonFile<Catalogue> {
  return new DurableJsonFile(catalogueFilePath(dataDir), validateCatalogue);
}

/** Replaces the catalogue in `dataDir` (creating the directory if needed); returns the file path. For the import script. */
export async function writeCatalogueFile(dataDir: string, catalogue: Catalogue): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = catalogueFile(dataDir);
  await file.read();
  await file.write(catalogue);
  return file.path;
}

function validateCatalogue(data: unknown): Validation<Catalogue> {
  const checked = validateCatalogueData(data);
  if (checked.ok) return checked;
  return {
    ok: false,
    problems: [
      `${checked.problems.length} catalogue problems`,
      ...checked.problems.slice(0, 4).map((p) => `${p.key} ${JSON.stringify(p.params)}`),
    ],
  };
}
