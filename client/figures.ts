/** How the admin app writes figures: minutes with one decimal, shares as whole percents, dashes for none. */
export function minutesText(m: number | null | undefined): string {
  return m === null || m === undefined ? '–' : m.toFixed(1);
}

/** Minutes with their unit ("8.5 phút"), or a dash alone when there is no figure. */
export function minutesWithUnit(m: number | null | undefined, unit: string): string {
  return m === null || m === undefined ? '–' : `${m.toFixed(1)} ${unit}`;
}

export function percentText(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

/** The zone the site config falls back to; the admin app uses it only until the config has loaded. */
export const defaultCentreTimeZone = 'Asia/Ho_Chi_Minh';

/**
 * A writer of local date and time in the given zone, as staff read it. One Intl formatter serves
 * every call, so a page of hundreds of audit rows does not build one per row.
 */
export function centreTimeFormatter(lang: 'vi' | 'en', timeZone: string): (epochMs: number) => string {
  const format = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
  return (epochMs) => format.format(epochMs);
}
