/**
 * What a spoken name sounds like to a listener of one dialect, as a key: two names with the same
 * key cannot be told apart by ear. Vietnamese spelling is close to sound, so the key is the
 * spelling with the sounds a dialect merges written alike:
 * - North: d, gi and r are all [z]; s and x are both [s]; tr and ch are both [c];
 * - Centre and South: d, gi and v are all [j]; final -t is said -c and final -n is said -ng;
 * - South: the hỏi and ngã tones are one tone.
 * Used to prove the letter names distinct (test) and to warn an admin about prefixes such as
 * "B" and "P" that a loudspeaker blurs (`prefixesSoundAlike`).
 */
import type { Dialect } from './dialect.ts';
import { vietnameseLetterName } from './letter-names.ts';

const INITIALS = [
  'ngh',
  'ng',
  'gh',
  'gi',
  'kh',
  'nh',
  'ph',
  'th',
  'tr',
  'ch',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
];
/** Spellings of one sound in every dialect. */
const SPELLINGS: Readonly<Record<string, string>> = { ngh: 'ng', gh: 'g', c: 'k', qu: 'kw', ph: 'f' };
const MERGED_INITIALS: Readonly<Record<Dialect, Readonly<Record<string, string>>>> = {
  north: { d: 'z', gi: 'z', r: 'z', s: 'x', tr: 'ch' },
  central: { d: 'j', gi: 'j', v: 'j' },
  south: { d: 'j', gi: 'j', v: 'j' },
};
/** Sounds a public-address loudspeaker blurs even where a dialect keeps them apart. */
const LOUDSPEAKER_BLURS: Readonly<Record<string, string>> = { b: 'p', đ: 't' };

const TONES: Readonly<Record<string, string>> = { '\u0300': 'huyền', '\u0301': 'sắc', '\u0303': 'ngã', '\u0309': 'hỏi', '\u0323': 'nặng' };

/** The sound key of one syllable ("giê", "rét") in `dialect`. */
function syllableKey(syllable: string, dialect: Dialect, blur: boolean): string {
  const decomposed = syllable.toLowerCase().normalize('NFD');
  let tone = 'ngang';
  for (const [mark, name] of Object.entries(TONES)) if (decomposed.includes(mark)) tone = name;
  if (dialect === 'south' && tone === 'ngã') tone = 'hỏi';
  const base = [...decomposed]
    .filter((char) => !(char in TONES))
    .join('')
    .normalize('NFC');
  // "gi" alone is the initial gi with the vowel i ("gi" = [zi]); before another vowel the i is silent.
  let initial = INITIALS.find((candidate) => base.startsWith(candidate) && base.length > candidate.length) ?? '';
  if (base === 'gi') initial = 'gi';
  let rhyme = base === 'gi' ? 'i' : base.slice(initial.length);
  initial = SPELLINGS[initial] ?? initial;
  initial = MERGED_INITIALS[dialect][initial] ?? initial;
  if (blur) initial = LOUDSPEAKER_BLURS[initial] ?? initial;
  if (dialect !== 'north') rhyme = rhyme.replace(/t$/u, 'c').replace(/n$/u, 'ng');
  return `${initial}+${rhyme}+${tone}`;
}

/** The sound key of a spoken name ("e-lờ", "giê") in `dialect`. */
export function spokenKey(name: string, dialect: Dialect): string {
  return name
    .split(/[\s-]+/u)
    .filter((syllable) => syllable !== '')
    .map((syllable) => syllableKey(syllable, dialect, false))
    .join('.');
}

function prefixKey(prefix: string, dialect: Dialect): string {
  return [...prefix]
    .map((letter) =>
      vietnameseLetterName(letter, dialect)
        .split('-')
        .map((syllable) => syllableKey(syllable, dialect, true))
        .join('.'),
    )
    .join(' ');
}

/** Whether two different ticket prefixes ("B", "P") are hard to tell apart when announced in `dialect`. */
export function prefixesSoundAlike(a: string, b: string, dialect: Dialect): boolean {
  if (a === '' || b === '' || a.toUpperCase() === b.toUpperCase()) return false;
  return prefixKey(a, dialect) === prefixKey(b, dialect);
}

/** Two services whose prefixes sound alike. */
export interface AlikePrefixes {
  services: [string, string];
  prefixes: [string, string];
  /** How each prefix is said, e.g. ["bê", "pê"]. */
  spoken: [string, string];
}

/** Every pair of services whose prefixes sound alike in `dialect`, for the admin's warning. */
export function alikePrefixes(services: ReadonlyArray<{ id: string; prefix: string }>, dialect: Dialect): AlikePrefixes[] {
  const say = (prefix: string) => [...prefix].map((letter) => vietnameseLetterName(letter, dialect)).join(' ');
  const pairs: AlikePrefixes[] = [];
  services.forEach((first, i) => {
    for (const second of services.slice(i + 1)) {
      if (!prefixesSoundAlike(first.prefix, second.prefix, dialect)) continue;
      pairs.push({
        services: [first.id, second.id],
        prefixes: [first.prefix, second.prefix],
        spoken: [say(first.prefix), say(second.prefix)],
      });
    }
  });
  return pairs;
}
