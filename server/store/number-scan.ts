import { addCandidate } from '../core/number-floor.ts';

/**
 * What damaged journal bytes still say about the day's numbers, read loosely: a line that no
 * longer parses may have been an issued ticket whose number is printed on someone's paper, so
 * numbering must continue above it (issue 12). Both the number and the label of each issued
 * ticket are read, since one byte flipped in either leaves the other; a flip that makes a
 * number too big is left to numbering, which ignores numbers outside the service's range; so
 * the highest few distinct candidates of each service are kept, not only the highest.
 */
export interface LooseFindings {
  /** Candidate numbers per service id. */
  numbers: Map<string, number[]>;
  /** The highest seq readable anywhere in the bytes (0 when none). */
  maxSeq: number;
}

const issued = /"serviceId":"([^"\\]{1,80})","number":(\d{1,9})(?:,"label":"[^"\\]*?(\d{1,9})")?/g;
const labelOnly = /"serviceId":"([^"\\]{1,80})"[^{}]{0,40}?"label":"[^"\\]*?(\d{1,9})"/g;
const seqs = /"seq":(\d{1,12})/g;

export function scanLoosely(text: string): LooseFindings {
  const numbers = new Map<string, number[]>();
  const add = (serviceId: string, n: string | undefined) => {
    if (n !== undefined) addCandidate(numbers, serviceId, Number(n));
  };
  for (const m of text.matchAll(issued)) {
    add(m[1]!, m[2]);
    add(m[1]!, m[3]);
  }
  // The number member itself may be what the damage hit; its label then still tells it.
  for (const m of text.matchAll(labelOnly)) add(m[1]!, m[2]);
  let maxSeq = 0;
  for (const m of text.matchAll(seqs)) maxSeq = Math.max(maxSeq, Number(m[1]));
  return { numbers, maxSeq };
}
