import { sealFrame } from '../../hardware/call-button/checksum.ts';
import { SeededRandom } from '../../scripts/simulation/seeded-random.ts';

/**
 * The simulator's seeded PRNG with the generators of hostile input the fuzz tests share.
 * Everything derives from one 32-bit seed, so a failure reproduces with `MOTCUA_FUZZ_SEED=<seed>`.
 */
export class FuzzRandom extends SeededRandom {
  constructor(readonly seed: number) {
    super(seed);
  }

  /** `length` characters drawn from `alphabet`. */
  text(length: number, alphabet = ALPHANUMERIC): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }

  bytes(length: number): Buffer {
    const b = Buffer.alloc(length);
    for (let i = 0; i < length; i++) b[i] = Math.floor(this.next() * 256);
    return b;
  }
}

/** The seed of a run: `MOTCUA_FUZZ_SEED` when the caller passes it, else a fixed default. */
export function fuzzSeed(fromEnvironment: string | undefined, fallback: number): number {
  if (fromEnvironment === undefined || fromEnvironment.trim() === '') return fallback;
  const seed = Number(fromEnvironment);
  if (!Number.isInteger(seed)) throw new Error(`MOTCUA_FUZZ_SEED must be an integer, got ${JSON.stringify(fromEnvironment)}`);
  return seed >>> 0;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const NASTY_CHARS = 'aZ09 -_.$*,\\/"\'<>&%{}[]\n\r\t\u0000\u00ffđĐệỹ😀\u202e\ufeff';

/** Keys that poke at prototypes and at code that trusts object shapes. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Numbers at and around the edges a schema checks (ranges, integers, floats, specials). */
const EDGE_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  0.999999,
  99.00001,
  100,
  101,
  255,
  256,
  65535,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  NaN,
  Infinity,
  -Infinity,
  1e-300,
  -1e308,
];

const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'null',
  'undefined',
  'NaN',
  '1',
  '01',
  '1e3',
  '0x10',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  "'; DROP TABLE tickets; --",
  '<script>alert(1)</script>',
  '{{detail}}',
  '%s%n',
  'civil-status ',
  'CIVIL-STATUS',
  ...PROTOTYPE_KEYS,
];

/** A random value of any JSON-ish shape: the raw material of a malformed payload. */
export function junkValue(r: FuzzRandom, depth = 0): unknown {
  const kind = r.int(0, depth > 2 ? 6 : 11);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick(EDGE_NUMBERS);
    case 3:
      return r.int(-1000, 1000) + (r.chance(0.3) ? r.next() : 0);
    case 4:
      return r.pick(EDGE_STRINGS);
    case 5:
      return r.text(r.int(0, 40), NASTY_CHARS);
    case 6:
      return undefined;
    case 7:
      return hugeString(r);
    case 8:
      return Array.from({ length: r.int(0, 6) }, () => junkValue(r, depth + 1));
    case 9:
      return junkObject(r, depth + 1);
    case 10:
      return deepNesting(r, r.int(20, 300));
    default:
      return r.bytes(r.int(0, 64));
  }
}

/** An object with random keys, often prototype names, as own properties (as JSON.parse makes them). */
export function junkObject(r: FuzzRandom, depth = 0): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (let i = r.int(0, 5); i > 0; i--)
    entries.push([r.chance(0.4) ? r.pick(PROTOTYPE_KEYS) : r.text(r.int(1, 12)), junkValue(r, depth + 1)]);
  return ownProperties(entries);
}

/**
 * Builds an object whose `__proto__` (or other) keys are own data properties, the way a
 * received JSON message has them; an object literal would set the prototype instead.
 */
export function ownProperties(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  return o;
}

/** Strings long enough to hurt, kept under Socket.IO's 64 KiB message limit. */
export function hugeString(r: FuzzRandom): string {
  return r.pick(['x', 'đ', '9', ' ', '$']).repeat(r.int(1000, 12_000));
}

export function deepNesting(r: FuzzRandom, depth: number): unknown {
  let v: unknown = r.chance(0.5) ? 1 : 'deep';
  for (let i = 0; i < depth; i++) v = r.chance(0.5) ? [v] : { a: v };
  return v;
}

/** Field kinds of the command payloads, each with values the schema must refuse. */
export type FieldKind =
  | 'counterId'
  | 'id'
  | 'ticketId'
  | 'text'
  | 'level'
  | 'ref'
  | 'procedureCode'
  | 'idList'
  | 'counterList'
  | 'consoleId'
  | 'dossierCode';

/** A value that is wrong for `kind`: wrong type, out of range, too long, bad characters… */
export function badFieldValue(r: FuzzRandom, kind: FieldKind): unknown {
  if (r.chance(0.35)) return junkValue(r);
  switch (kind) {
    case 'counterId':
    case 'level':
      return r.pick([0, -1, 100, 1000, 6, 1.5, 2.5, NaN, Infinity, 2 ** 53, '1', '01', [1], { counterId: 1 }, true, null]);
    case 'id':
      return r.pick(['', '-abc', 'Civil', 'civil status', 'a'.repeat(33), 'đăng-ký', 'civil\u0000', 'x/../y', ...PROTOTYPE_KEYS]);
    case 'ticketId':
      return r.pick(['', 'abc', 'ABCD1234', 'abcd-123', 'a'.repeat(33), 'abcd 123', 'abcd\n', 12345678]);
    case 'text':
      return r.pick(['', '   ', '\t\n', 'x'.repeat(121), hugeString(r), 42, ['lý do'], { vi: 'lý do' }]);
    case 'ref':
      return r.pick([
        '',
        'abcd',
        'abcd.',
        'abcd.short',
        `abcd.${'A'.repeat(65)}`,
        'ABCD.AAAAAAAAAAAA',
        'abcd.AAAA AAAAAAAA',
        'abcd..AAAAAAAAAAAA',
      ]);
    case 'procedureCode':
      return r.pick(['', 'a b', 'x'.repeat(41), 'mã/1', 7, true]);
    case 'idList':
      return r.pick([[''], ['Civil'], Array.from({ length: 51 }, () => 'civil-status'), 'civil-status', [1], {}]);
    case 'counterList':
      return r.pick([[0], [100], [1.5], ['1'], Array.from({ length: 100 }, () => 1), 1, [null]]);
    case 'consoleId':
      return r.pick(['', 'short', 'a'.repeat(65), 'console id!', 'bàn-1-abcdef', 12345678, null]);
    case 'dossierCode':
      return r.pick(['', '   ', '-H38-2507', 'x'.repeat(61), 'mã hồ sơ 1', 'H38;DROP', 'a\u0000b', 7, ['H38']]);
  }
}

/** A call-button line that looks like a frame but must not act: bad fields, checksum, length… */
export function nearValidLine(r: FuzzRandom): string {
  const counter = (): string => r.pick(['01', '02', '1', '002']);
  const seq = (): string => String(r.int(0, 99)).padStart(2, '0');
  const badBodies = [
    () => `K,${r.pick(['00', '100', 'x1', '-1', '', ' 1', '1.0'])},${seq()},NEXT`,
    () => `K,${counter()},${r.pick(['100', '-1', 'aa', '', '1e1', '999'])},NEXT`,
    () => `K,${counter()},${seq()},${r.pick(['next', 'NEXTT', 'CALL', '', 'N EXT', 'RESET'])}`,
    () => `K,${counter()},${seq()},${r.pick(['NEXT', 'RECALL', 'FINISH', 'PAUSE'])},${r.text(r.int(1, 8))}`,
    () => `K,${counter()},${seq()},TRANSFER${r.pick(['', ',', ',0', ',100', ',a b', `,${'x'.repeat(17)}`, ',civil,status'])}`,
    () => `${r.pick(['A', 'D', 'X', 'k', 'KK', ''])},${counter()},${seq()},NEXT`,
    () => `H,${counter()},${seq()},NEXT`,
    () => `K,${counter()},${seq()},NEXT,,`,
  ];
  const body = r.pick(badBodies)();
  switch (r.int(0, 7)) {
    case 0:
      return `$${body}*${r.pick(['00', 'ZZ', '', '1', '123', 'GG'])}`;
    case 1: {
      const press = `K,${counter()},${seq()},NEXT`;
      return `$${press}*${wrongChecksum(r, press)}`;
    }
    case 2:
      return sealFrame(body) + r.pick(['x', ' ', '*', '$']);
    case 3:
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the fuzzer strips the NUL it may have added itself
      return r.pick(['', ' ', '$', '\u0000']) + sealFrame(body).replace(/\u0000/g, '');
    case 4:
      return sealFrame(body + ','.repeat(r.int(0, 80)) + r.text(r.int(60, 200)));
    case 5:
      return sealFrame(body)
        .split('')
        .map((c) => (r.chance(0.05) ? '\u0000' : c))
        .join('');
    default:
      return sealFrame(body);
  }
}

function wrongChecksum(r: FuzzRandom, body: string): string {
  const right = sealFrame(body).slice(-2);
  let wrong = right;
  while (wrong === right) wrong = r.int(0, 255).toString(16).toUpperCase().padStart(2, '0');
  return wrong;
}

/** Raw bytes from a noisy line: random bytes, bare CRs, NULs, runs without any line end. */
export function serialNoise(r: FuzzRandom): Buffer {
  switch (r.int(0, 4)) {
    case 0:
      return r.bytes(r.int(1, 200));
    case 1:
      return Buffer.from(`${'\r'.repeat(r.int(1, 10)) + r.text(r.int(0, 20))}\r`, 'latin1');
    case 2:
      return Buffer.alloc(r.int(1, 100), 0);
    case 3:
      return Buffer.from('$'.repeat(r.int(1, 300)), 'latin1');
    default:
      return Buffer.from(r.text(r.int(65, 2000), NASTY_CHARS), 'latin1');
  }
}

/**
 * What the other end receives after JSON encoding: undefined properties vanish, undefined in
 * arrays and non-finite numbers become null; binary stays binary. The schema oracle must judge this.
 */
export function asSent(value: unknown, binaryPacket = false): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : asSent(item, binaryPacket)));
  // A packet with binary is rebuilt by assignment in socket.io-client, which turns an own
  // `__proto__` key into the prototype: the key is not sent at all.
  const entries = Object.entries(value).filter(([k, v]) => v !== undefined && !(binaryPacket && k === '__proto__'));
  return ownProperties(entries.map(([k, v]) => [k, asSent(v, binaryPacket)]));
}

/** True when a value holds a binary buffer anywhere (Socket.IO then sends it as a binary packet). */
export function hasBinary(value: unknown): boolean {
  if (Buffer.isBuffer(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasBinary);
}
