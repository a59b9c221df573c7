import { useMemo } from 'preact/hooks';
import { useAdmin } from './admin-context.ts';
import { centreTimeFormatter, defaultCentreTimeZone } from '../client/figures.ts';
import { useSiteConfig } from './use-site-config.ts';

/**
 * The admin app's one way to show a moment: date and time in the centre's configured zone
 * (`centre.timeZone`), in the chosen language. Staff compare these times with the clock on the
 * wall, so they must not follow the browser's zone or a fixed one; the default zone stands in
 * only until the site config has loaded.
 */
export function useCentreTime(): (epochMs: number) => string {
  const { lang } = useAdmin();
  const { config } = useSiteConfig();
  const zone = config?.centre.timeZone ?? defaultCentreTimeZone;
  return useMemo(() => centreTimeFormatter(lang, zone), [lang, zone]);
}
