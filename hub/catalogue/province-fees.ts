import type { Catalogue, Channel } from '../../protocol/catalogue.ts';
import type { ProvinceFee } from '../../protocol/hub/province-catalogue.ts';

/** The catalogue with the province's fees written into its ways of filing. */
export function withProvinceFees(catalogue: Catalogue, fees: readonly ProvinceFee[]): Catalogue {
  const byKey = new Map(fees.map((f) => [feeKey(f.code, f.channel), f.fee]));
  if (byKey.size === 0) return catalogue;
  return {
    ...catalogue,
    procedures: catalogue.procedures.map((p) => ({
      ...p,
      filing: p.filing.map((m) => ({ ...m, fee: byKey.get(feeKey(p.code, m.channel)) ?? m.fee })),
    })),
  };
}

/** Fees that still name a procedure and a way of filing of the catalogue (an import may drop some). */
export function feesThatApply(catalogue: Catalogue, fees: readonly ProvinceFee[]): ProvinceFee[] {
  const exists = new Set(catalogue.procedures.flatMap((p) => p.filing.map((m) => feeKey(p.code, m.channel))));
  return fees.filter((f) => exists.has(feeKey(f.code, f.channel)));
}

/** Sets or clears (`fee: null`) one fee in the table, keeping one entry per procedure and channel. */
export function setFee(fees: readonly ProvinceFee[], code: string, channel: Channel, fee: ProvinceFee['fee'] | null): ProvinceFee[] {
  const rest = fees.filter((f) => feeKey(f.code, f.channel) !== feeKey(code, channel));
  return fee ? [...rest, { code, channel, fee }] : rest;
}

/** What changed from one catalogue to the next, by procedure code. */
export function catalogueChanges(before: Catalogue | null, after: Catalogue | null): { added: number; removed: number; changed: number } {
  const old = new Map((before?.procedures ?? []).map((p) => [p.code, JSON.stringify(p)]));
  const next = new Map((after?.procedures ?? []).map((p) => [p.code, JSON.stringify(p)]));
  let added = 0;
  let changed = 0;
  for (const [code, text] of next) {
    const was = old.get(code);
    if (was === undefined) added++;
    else if (was !== text) changed++;
  }
  const removed = [...old.keys()].filter((code) => !next.has(code)).length;
  return { added, removed, changed };
}

function feeKey(code: string, channel: Channel): string {
  return `${code} ${channel}`;
}
