/** Holidays as a comma-separated list of `YYYY-MM-DD`. */
export function parseDays(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}
