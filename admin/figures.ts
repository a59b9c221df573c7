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

/** Local date and time in the centre's zone, as staff read it. */
export function timeText(epochMs: number, lang: 'vi' | 'en', timeZone = 'Asia/Ho_Chi_Minh'): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(epochMs);
}
