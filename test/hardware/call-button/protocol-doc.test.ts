import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameChecksum } from '../../../hardware/call-button/checksum.ts';
import { formatFrame } from '../../../hardware/call-button/format-frame.ts';
import { parseDeviceLine, parseServerLine } from '../../../hardware/call-button/parse-frame.ts';

// docs/call-buttons.md is what a device maker builds from: its test vectors must be what the
// server computes, parses and writes.

const doc = readFileSync(join(import.meta.dirname, '../../../docs/call-buttons.md'), 'utf8');
const vectorBlock = /## Test vectors[\s\S]*?```text\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const vectors = vectorBlock.split('\n').filter((l) => l.trim() !== '');

describe('the call-button protocol document', () => {
  it('lists a vector for every frame type and key', () => {
    const kinds = new Set(vectors.map((l) => (l.startsWith('$K') ? l.split(',')[3]!.split('*')[0] : l[1])));
    expect([...kinds].sort()).toEqual(['A', 'D', 'FINISH', 'H', 'NEXT', 'NOSHOW', 'PAUSE', 'RECALL', 'RESUME', 'TRANSFER'].sort());
  });

  it.each(vectors)('%s: checksum, parse and format agree with the server', (line) => {
    const body = line.slice(1, line.indexOf('*'));
    expect(frameChecksum(body)).toBe(line.slice(-2));
    const fromButton = line[1] === 'K' || line[1] === 'H';
    const parsed = fromButton ? parseDeviceLine(line) : parseServerLine(line);
    expect(parsed.kind).toBe('frame');
    if (parsed.kind === 'frame') expect(formatFrame(parsed.frame)).toBe(line);
  });

  it('works the example checksum out from the bytes it lists', () => {
    const bytes = /\(`((?:[0-9A-F]{2} ?)+)`\) = `0x([0-9A-F]{2})`/.exec(doc);
    expect(bytes).not.toBeNull();
    const xor = bytes![1]!
      .trim()
      .split(' ')
      .reduce((sum, hex) => sum ^ Number.parseInt(hex, 16), 0);
    expect(xor.toString(16).toUpperCase()).toBe(bytes![2]);
    expect(frameChecksum('K,03,17,NEXT')).toBe(bytes![2]);
  });
});
