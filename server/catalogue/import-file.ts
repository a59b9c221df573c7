/**
 * A catalogue file as it arrives (the admin's upload, the import tool's file): bytes in
 * whatever encoding it was saved in, JSON or CSV. Decoded first (text-encoding.ts), then
 * imported all or nothing (import.ts).
 */
import type { Catalogue } from '../../protocol/catalogue.ts';
import { type CatalogueFormat, detectFormat, importCatalogue } from './import.ts';
import type { ImportOutcome } from './import-problem.ts';
import { decodeCatalogueText, type TextEncoding } from './text-encoding.ts';

export interface ImportedFile {
  catalogue: Catalogue;
  format: CatalogueFormat;
  /** How the file's bytes were read. */
  encoding: TextEncoding;
}

/** Decodes and imports a catalogue file; `format` defaults to the name's extension, else the content. */
export function importCatalogueFile(bytes: Uint8Array, fileName: string, format?: CatalogueFormat): ImportOutcome<ImportedFile> {
  const decoded = decodeCatalogueText(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const chosen = format ?? detectFormat(fileName, decoded.text);
  const outcome = importCatalogue(decoded.text, chosen);
  return outcome.ok ? { ok: true, value: { catalogue: outcome.value, format: chosen, encoding: decoded.encoding } } : outcome;
}
