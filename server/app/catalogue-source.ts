import { readFile } from 'node:fs/promises';
import type { Catalogue } from '../../protocol/catalogue.ts';
import type { TicketLayoutInput } from '../../hardware/printer/index.ts';
import type { FileAlert } from '../../protocol/health.ts';
import { catalogueFile } from '../catalogue/catalogue-file.ts';
import { validateCatalogueData } from '../catalogue/import.ts';
import { logger } from '../log.ts';
import type { DurableJsonFile } from '../store/durable-file.ts';

/** A procedure's dossier in the ticket layout's terms. */
export type TicketDossier = NonNullable<TicketLayoutInput['dossier']>;

const log = logger('catalogue');

/** What an edit of the catalogue decided: the new catalogue and the edit's answer, or a refusal that changes nothing. */
export type CatalogueEdit<R> = { next: Catalogue; result: R } | { refused: R };

/**
 * The procedure catalogue the kiosks browse, and the one owner of `<dataDir>/catalogue.json`:
 * imports and single-procedure edits all go through its queue, each computed from the
 * catalogue as the previous change left it (issue 12: an import and an edit at once
 * corrupted the file, or the edit was lost). A first start copies the repository's sample in.
 * A damaged file never takes the queue down: the last good copy is served, else the sample,
 * with an alert.
 */
export class CatalogueSource {
  private changing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: DurableJsonFile<Catalogue>,
    private current: Catalogue,
    /** Set when the file was damaged at start, naming the copy served instead. */
    readonly alert: FileAlert | null,
  ) {}

  /** Reads the catalogue; writes only on a first start. */
  static async open(dataDir: string, seedPath: string, now: number): Promise<CatalogueSource> {
    const file = catalogueFile(dataDir);
    const read = await file.read();
    if (read.kind === 'ok') return new CatalogueSource(file, read.value, null);
    if (read.kind === 'previous') {
      log.error('catalogue damaged; serving its last good copy', { file: file.path, problem: read.problem });
      return new CatalogueSource(file, read.value, { file: file.name, problem: read.problem, usedCopy: 'previous', at: now });
    }
    const seed = validateCatalogueData(JSON.parse(await readFile(seedPath, 'utf8')));
    if (!seed.ok) throw new Error(`${seedPath} does not validate`);
    if (read.kind === 'missing') {
      // A first start copies the sample in, so the data directory (and its backups) hold what kiosks serve.
      await file.write(seed.value).catch((e: unknown) => log.warn('sample catalogue not copied into the data directory', { error: e }));
      return new CatalogueSource(file, seed.value, null);
    }
    log.error('catalogue damaged and no good copy; serving the sample catalogue', { file: file.path, problem: read.problem });
    return new CatalogueSource(file, seed.value, { file: file.name, problem: read.problem, usedCopy: 'sample', at: now });
  }

  get(): Catalogue {
    return this.current;
  }

  /** Replaces the whole catalogue (an import), after any change under way; resolves once it is on disk. */
  replace(next: Catalogue): Promise<void> {
    return this.update(() => ({ next, result: undefined }));
  }

  /** Runs an edit on the catalogue as the previous change left it; what it decides is saved before it is served. */
  update<R>(edit: (current: Catalogue) => CatalogueEdit<R> | Promise<CatalogueEdit<R>>): Promise<R> {
    const run = this.changing.then(async () => {
      const made = await edit(this.current);
      if ('refused' in made) return made.refused;
      await this.file.write(made.next);
      this.current = made.next;
      return made.result;
    });
    this.changing = run.catch(() => undefined);
    return run;
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
