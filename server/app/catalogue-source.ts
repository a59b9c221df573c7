import { readFile } from 'node:fs/promises';
import type { Catalogue } from '../../protocol/catalogue.ts';
import type { TicketLayoutInput } from '../../hardware/printer/index.ts';
import { readCatalogueFile, writeCatalogueFile } from '../catalogue/catalogue-file.ts';
import { validateCatalogueData } from '../catalogue/import.ts';

/** A procedure's dossier in the ticket layout's terms. */
export type TicketDossier = NonNullable<TicketLayoutInput['dossier']>;

/** A catalogue file that does not validate; the server will not start on a broken one. */
export class CatalogueFileError extends Error {}

/**
 * The procedure catalogue the kiosks browse: `<dataDir>/catalogue.json`, seeded from the
 * repository's sample catalogue on first start, replaced by imports.
 */
export class CatalogueSource {
  private constructor(
    private readonly dataDir: string,
    private current: Catalogue,
  ) {}

  static async open(dataDir: string, seedPath: string): Promise<CatalogueSource> {
    const existing = await readCatalogueFile(dataDir);
    if (existing && !existing.ok) {
      throw new CatalogueFileError(`${dataDir}/catalogue.json does not validate (${existing.problems.length} problems); re-import it`);
    }
    if (existing) return new CatalogueSource(dataDir, existing.value);
    const seed = validateCatalogueData(JSON.parse(await readFile(seedPath, 'utf8')));
    if (!seed.ok) throw new CatalogueFileError(`${seedPath} does not validate`);
    await writeCatalogueFile(dataDir, seed.value);
    return new CatalogueSource(dataDir, seed.value);
  }

  get(): Catalogue {
    return this.current;
  }

  /** Reads the file again, after an import wrote it. */
  async reload(): Promise<void> {
    const fresh = await readCatalogueFile(this.dataDir);
    if (fresh?.ok) this.current = fresh.value;
  }

  /** The papers a citizen should have ready for a procedure, case by case, as the ticket lists them. */
  dossierFor(code: string | null): TicketDossier {
    const p = code ? this.current.procedures.find((x) => x.code === code) : undefined;
    return (p?.dossier ?? []).map((c) => ({
      ...(c.title && { title: c.title }),
      papers: c.components.map((k) => ({ name: k.name, originals: k.originals, copies: k.copies, shownOnly: k.shownOnly === true })),
    }));
  }
}
