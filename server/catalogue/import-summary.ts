import type { Catalogue } from '../../protocol/catalogue.ts';
import type { CatalogueImportSummary } from '../../protocol/http-views.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';

/** How many procedures the preview lists: enough to see that the letters came through right. */
const SHOWN = 8;

/** What a catalogue file holds, for the preview before importing and the answer after. */
export function catalogueImportSummary(
  catalogue: Catalogue,
  site: SiteConfig,
  format: 'json' | 'csv',
  encoding: string,
): CatalogueImportSummary {
  const services = new Set(site.services.map((s) => s.id));
  const counts = new Map<string, number>();
  for (const p of catalogue.procedures) counts.set(p.fieldId, (counts.get(p.fieldId) ?? 0) + 1);
  return {
    procedures: catalogue.procedures.length,
    fields: catalogue.fields.length,
    unmapped: catalogue.procedures.filter((p) => !services.has(p.serviceId)).map((p) => p.code),
    format,
    encoding,
    byField: catalogue.fields.map((f) => ({ id: f.id, name: f.name, procedures: counts.get(f.id) ?? 0 })),
    firstProcedures: catalogue.procedures
      .slice(0, SHOWN)
      .map((p) => ({ code: p.code, name: p.name, fieldId: p.fieldId, serviceId: p.serviceId })),
  };
}
