import type { SiteConfig } from '../protocol/site-config.ts';
import { useLoaded } from './use-loaded.ts';

/** The saved site config (centre, services, counters), as the configuration pages edit it. */
export function useSiteConfig(): { config: SiteConfig | null; reload: () => Promise<void> } {
  const { data, reload } = useLoaded('config');
  return { config: data, reload };
}
