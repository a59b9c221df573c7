import type { AuditEntry } from '../../protocol/admin.ts';
import type { HubLinkView } from '../../protocol/hub/hub-link.ts';
import type { CatalogueSource } from '../app/catalogue-source.ts';
import { validateCatalogueData } from '../catalogue/import.ts';
import { mergeProvinceCatalogue } from '../catalogue/province-merge.ts';
import { logger } from '../log.ts';
import type { HubAnswer, HubClient } from './hub-client.ts';
import type { LinkStore } from './link-store.ts';

const log = logger('hub-catalogue');

export interface CataloguePullDeps {
  dataDir: string;
  catalogue: CatalogueSource;
  /** The centre's queue services now. */
  serviceIds: () => ReadonlySet<string>;
  audit: (entry: AuditEntry) => Promise<void>;
  clock: () => number;
  hubName: string;
}

/**
 * Pulls the province's published catalogue and makes it the kiosks' one, merged with what is the
 * centre's own (see `mergeProvinceCatalogue`). The file is replaced only by a merged catalogue
 * that validates, atomically: with the hub down or a bad version published, the kiosks keep
 * what they show.
 */
export class CataloguePull {
  /** Province procedures waiting for the centre to put them on a service. */
  unmapped: string[] = [];
  /** Why the last published version was not applied, if it was not. */
  refused: HubLinkView['catalogue']['refused'] = null;

  constructor(
    private readonly client: HubClient,
    private readonly link: LinkStore,
    private readonly deps: CataloguePullDeps,
  ) {}

  private refusedVersion: number | null = null;

  /** Whether a published version is worth fetching: not one already refused. */
  wants(version: number): boolean {
    return version !== this.refusedVersion;
  }

  get version(): number | null {
    return this.link.data.catalogue?.version ?? null;
  }

  /** Applies the latest published version if it is newer than the one shown. */
  async pull(): Promise<HubAnswer<null>> {
    const since = this.version;
    const got = await this.client.call('publishedCatalogue', since === null ? undefined : { query: { since } });
    if (!got.ok) return got.kind === 'refused' && got.code === 'hub:catalogue.none_published' ? { ok: true, value: null } : got;
    if ('unchanged' in got.value) return { ok: true, value: null };
    const { version } = got.value;
    const published = validateCatalogueData(got.value.catalogue);
    if (!published.ok) return this.refuse({ version, problems: published.problems.length, stage: 'published' });
    const previous = this.link.data.catalogue;
    const merged = mergeProvinceCatalogue({
      province: published.value,
      current: this.deps.catalogue.get(),
      previousProvinceCodes: previous ? new Set(previous.provinceCodes) : null,
      serviceIds: this.deps.serviceIds(),
    });
    const checked = validateCatalogueData(merged.catalogue);
    if (!checked.ok) return this.refuse({ version, problems: checked.problems.length, stage: 'merged' });
    const before = this.deps.catalogue.get();
    await this.deps.catalogue.replace(checked.value);
    const now = this.deps.clock();
    await this.link.update((d) => void (d.catalogue = { version, appliedAt: now, provinceCodes: merged.provinceCodes }));
    this.unmapped = merged.unmapped;
    this.refused = null;
    await this.deps.audit({
      at: now,
      actor: { id: 'hub', username: 'hub', name: this.deps.hubName },
      action: 'catalogue.pulled',
      subject: `v${version}`,
      before: { procedures: before.procedures.length, version: previous?.version ?? null },
      after: { procedures: checked.value.procedures.length, own: merged.ownKept, unmapped: merged.unmapped.length },
    });
    log.info('province catalogue applied', { version, procedures: checked.value.procedures.length, own: merged.ownKept });
    return { ok: true, value: null };
  }

  private refuse(refused: NonNullable<CataloguePull['refused']>): HubAnswer<null> {
    this.refused = refused;
    this.refusedVersion = refused.version;
    log.error('province catalogue not applied; the kiosks keep theirs', refused);
    return { ok: true, value: null };
  }
}
