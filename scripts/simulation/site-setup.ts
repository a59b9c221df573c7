import { readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteConfigInput } from '../../protocol/site-config.ts';
import { repoDir } from '../../server/create-server.ts';

/**
 * Gives the data dir a site config with at least `counters` counters. Up to the sample's eight
 * the sample is used as is (the simulation opens only the first N); beyond it, more counters are
 * added that share the sample's services in turn, without the ward's daily quotas. An existing
 * site.json is left alone.
 */
export async function prepareSiteConfig(dataDir: string, counters: number): Promise<void> {
  const path = join(dataDir, 'site.json');
  if (
    await access(path).then(
      () => true,
      () => false,
    )
  )
    return;
  const sample = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as SiteConfigInput;
  if (counters <= sample.counters.length) return;
  if (counters > 99) throw new Error('at most 99 counters');
  const ids = sample.services.map((s) => s.id);
  const extra = [];
  for (let id = sample.counters.length + 1; id <= counters; id++) {
    const service = ids[(id - 1) % ids.length]!;
    extra.push({ id, name: { vi: `Quầy ${id}`, en: `Counter ${id}` }, services: [{ serviceId: service }] });
  }
  // A centre this size hands out more numbers than a ward's daily quotas allow.
  const services = sample.services.map(({ dailyQuota: _quota, ...s }) => s);
  await writeFile(path, `${JSON.stringify({ ...sample, services, counters: [...sample.counters, ...extra] }, null, 2)}\n`);
}
